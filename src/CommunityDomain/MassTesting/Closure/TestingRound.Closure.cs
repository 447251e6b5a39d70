using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>Coverage closure and statistics of a round.</summary>
public sealed partial class TestingRound
{
    /// <summary>The round's closure over its whole must-test list.</summary>
    /// <returns>The closure.</returns>
    public CoverageClosure Closure() => ClosureOf(_ => true);

    /// <summary>A compound's closure.</summary>
    /// <param name="compound">The compound.</param>
    /// <returns>The closure.</returns>
    public CoverageClosure Closure(Id<Compound> compound) => ClosureOf(e => e.Compound == compound);

    /// <summary>A building's closure.</summary>
    /// <param name="building">The building.</param>
    /// <returns>The closure.</returns>
    public CoverageClosure Closure(Id<Building> building) => ClosureOf(e => e.Building == building);

    /// <summary>Where a listed resident stands in the closure.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The status, or null when not on the list.</returns>
    public CoverageStatus? StatusOf(Id<Resident> resident) => MustTest.Find(resident) is { } entry ? StatusOf(entry) : null;

    /// <summary>The round's statistics.</summary>
    /// <returns>The statistics.</returns>
    public RoundStatistics Statistics() => StatisticsOf(_ => true, _tubes);

    /// <summary>A compound's statistics in this round (tubes counted by their site's or household's compound).</summary>
    /// <param name="compound">The compound.</param>
    /// <returns>The statistics.</returns>
    public RoundStatistics Statistics(Id<Compound> compound) => StatisticsOf(
        e => e.Compound == compound,
        _tubes.Where(t => t.Members.Count > 0 && MustTest.Find(t.Members[0])!.Compound == compound));

    private CoverageClosure ClosureOf(Func<MustTestEntry, bool> inScope)
    {
        int listed = 0, tested = 0, exempt = 0, away = 0, door = 0;
        var missing = new List<MissingResident>();
        var exemptions = new List<ExemptResident>();
        foreach (var entry in MustTest.Entries)
        {
            if (!inScope(entry))
            {
                continue;
            }

            listed++;
            switch (StatusOf(entry))
            {
                case CoverageStatus.Tested: tested++; break;
                case CoverageStatus.Exempt: exempt++; exemptions.Add(ExemptionOf(entry)); break;
                case CoverageStatus.Away: away++; break;
                case CoverageStatus.DoorToDoorPending: door++; break;
                default: missing.Add(new MissingResident(entry.Resident, entry.Building, entry.Unit, entry.MaskedName)); break;
            }
        }

        return new CoverageClosure(listed, tested, exempt, away, door, missing, exemptions);
    }

    private CoverageStatus StatusOf(MustTestEntry entry) => _sampled.ContainsKey(entry.Resident)
        ? CoverageStatus.Tested
        : DispositionOf(entry) switch
        {
            Disposition.Exempt => CoverageStatus.Exempt,
            Disposition.Away => CoverageStatus.Away,
            Disposition.DoorToDoor => CoverageStatus.DoorToDoorPending,
            _ => CoverageStatus.Missing,
        };

    private RoundStatistics StatisticsOf(Func<MustTestEntry, bool> inScope, IEnumerable<Tube> tubes)
    {
        int listed = 0, accounted = 0, tests = 0, assisted = 0;
        Instant? finish = null;
        foreach (var entry in MustTest.Entries.Where(inScope))
        {
            listed++;
            if (_sampled.TryGetValue(entry.Resident, out var tube))
            {
                tests++;
                accounted++;
                assisted += _assisted.Contains(entry.Resident) ? 1 : 0;
                finish = finish is { } f && f > tube.ClosedAt ? f : tube.ClosedAt ?? finish;
            }
            else if (DispositionOf(entry) is Disposition.Away or Disposition.Exempt)
            {
                accounted++;
            }
        }

        // Re-samples are person-times too.
        tests += _resampled.Keys.Count(r => inScope(MustTest.Find(r)!));
        var tubeList = tubes.ToList();
        return new RoundStatistics(tests, tubeList.Count, tubeList.Count(t => t.Result == TubeResult.Pending), listed, accounted, assisted,
            tests == 0 ? null : _lastSample);
    }
}
