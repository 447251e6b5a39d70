using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>One person's service in a replayed wave plan (see <see cref="SitePlan.Replay"/>).</summary>
/// <param name="Station">The station that serves the person, 0 to the site's stations - 1.</param>
/// <param name="Call">The person's call: its index in the site's calls taken in time order (ties in list order).</param>
/// <param name="HouseholdId">The person's household.</param>
/// <param name="Intake">How the person registers, which sets the service time.</param>
/// <param name="Arrival">When the person reaches the site: the call's time plus the site's walk-down delay.</param>
/// <param name="Start">When service starts (waiting from <paramref name="Arrival"/> to here).</param>
/// <param name="End">When service ends: <paramref name="Start"/> plus the intake's service time.</param>
public sealed record WaveService(int Station, int Call, int HouseholdId, Intake Intake, Instant Arrival, Instant Start, Instant End)
{
    /// <summary>
    /// One service with times in UTC said in words (a replay knows no zone), e.g.
    /// <c>Household#12 (QrCode), call 3, station 2: arrived 2022-08-17 21:04 UTC, served from 2022-08-17 21:06 UTC until 2022-08-17 21:06:20 UTC</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Household#{HouseholdId} ({Intake}), call {Call}, station {Station}: arrived {LocalTimeText.Utc(Arrival)}, served {LocalTimeText.UtcSpan(Start, End, string.Empty)}");
}

/// <summary>A site's calls replayed under the planner's queue model (see <see cref="WavePlanner"/>'s remarks).</summary>
/// <param name="SiteId">The site.</param>
/// <param name="Services">Everyone served, in the order they arrived (first come, first served: also the order of starts).</param>
/// <param name="Finish">The last service end; the problem's start when nobody is called.</param>
public sealed record SiteReplay(int SiteId, IReadOnlyList<WaveService> Services, Instant Finish)
{
    /// <summary>
    /// The site, how many people it served and its finish in UTC said in words, e.g.
    /// <c>Site 1: 540 served, finish 2022-08-18 02:10 UTC</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Site {SiteId}: {Services.Count} served, finish {LocalTimeText.Utc(Finish)}");

    /// <summary>One station's services, in time order.</summary>
    /// <param name="station">The station, 0 to the site's stations - 1.</param>
    /// <returns>The services at that station (empty for a station that serves nobody or does not exist).</returns>
    public IReadOnlyList<WaveService> AtStation(int station) => [.. Services.Where(s => s.Station == station)];

    internal static SiteReplay Of(WaveProblem problem, SitePlan site)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(site);
        var calls = site.Calls.OrderBy(c => c.At).ToList();
        var people = calls.Sum(c => c.Households.Sum(h => h.People));
        var walk = site.Site.WalkDown.BclCompatibleTicks;
        var trace = new List<(long Arrival, long Start, long End, int Station)>(people);
        var queue = new SiteQueue(problem.ServiceTimes) { Trace = trace };
        queue.Reset(site.Site.Stations, Math.Max(1, people));
        var who = new List<(int Call, int Household, Intake Intake)>(people);
        for (var c = 0; c < calls.Count; c++)
        {
            var arrival = (calls[c].At - problem.Start).BclCompatibleTicks + walk;
            foreach (var h in calls[c].Households)
            {
                queue.Arrive(arrival, h);
                who.AddRange(Enumerable.Repeat((c, h.HouseholdId, Intake.Assisted), h.Assisted));
                who.AddRange(Enumerable.Repeat((c, h.HouseholdId, Intake.Typed), h.Typed));
                who.AddRange(Enumerable.Repeat((c, h.HouseholdId, Intake.QrCode), h.QrCode));
            }
        }

        queue.ServeAll();
        var services = new WaveService[trace.Count];
        var finish = problem.Start;
        for (var i = 0; i < services.Length; i++)
        {
            var (arrival, start, end, station) = trace[i];
            services[i] = new WaveService(station, who[i].Call, who[i].Household, who[i].Intake,
                problem.Start + Duration.FromTicks(arrival), problem.Start + Duration.FromTicks(start), problem.Start + Duration.FromTicks(end));
            finish = services[i].End > finish ? services[i].End : finish;
        }

        return new SiteReplay(site.Site.SiteId, services, finish);
    }
}
