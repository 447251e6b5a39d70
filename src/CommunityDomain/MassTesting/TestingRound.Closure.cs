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

    /// <summary>
    /// A compound's statistics in this round, computed from the compound alone: its listed residents, their samples
    /// and re-samples, and the last of those samples as <see cref="RoundStatistics.Finish"/>. Tubes are counted by
    /// the compound of their site (a site tube) or of their household (a door-to-door or re-sample tube).
    /// </summary>
    /// <param name="compound">The compound.</param>
    /// <returns>The statistics; with no sample in the compound, no finish.</returns>
    public RoundStatistics Statistics(Id<Compound> compound) => StatisticsOf(e => e.Compound == compound, _tubes.Where(t => CompoundOf(t) == compound));

    /// <summary>The compound a tube belongs to: its site's, else its (only) household's.</summary>
    private Id<Compound> CompoundOf(Tube tube) =>
        tube.Site is { } site ? _sites[site.Value - 1].Compound : MustTest.Find(tube.Members[0])!.Compound;

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
        foreach (var entry in MustTest.Entries.Where(inScope))
        {
            listed++;
            if (_sampled.ContainsKey(entry.Resident))
            {
                tests++;
                accounted++;
                assisted += _assisted.Contains(entry.Resident) ? 1 : 0;
            }
            else if (DispositionOf(entry) is Disposition.Away or Disposition.Exempt)
            {
                accounted++;
            }
        }

        // Re-samples are person-times too.
        tests += _resampled.Keys.Count(r => inScope(MustTest.Find(r)!));

        // The finish is the scope's own last sample (first samples and re-samples alike), never another scope's.
        Instant? finish = null;
        foreach (var tube in _tubes)
        {
            for (var i = 0; i < tube.Members.Count; i++)
            {
                if ((finish is null || tube.SampledAt[i] > finish) && inScope(MustTest.Find(tube.Members[i])!))
                {
                    finish = tube.SampledAt[i];
                }
            }
        }

        var tubeList = tubes.ToList();
        return new RoundStatistics(tests, tubeList.Count, tubeList.Count(t => t.Result == TubeResult.Pending), listed, accounted, assisted, finish);
    }
}
