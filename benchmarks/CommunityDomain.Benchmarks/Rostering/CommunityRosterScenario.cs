using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// The community-size roster of the issue: 6 compounds, two gates each on three 8-hour shifts around
/// the clock, testing-site roles (marshal, scanner, elder helper) 05:00-11:00 on five consecutive
/// days, a delivery team in the sealed compound (Meiyuan) served by volunteers confined there.
/// </summary>
public static class CommunityRosterScenario
{
    /// <summary>The first date (the testing series starts two days later).</summary>
    public static readonly LocalDate Start = new(2022, 8, 16);

    /// <summary>Builds the problem.</summary>
    /// <param name="workers">Number of workers, spread over the compounds (~300 in the issue).</param>
    /// <param name="seed">Seed of the workers' kinds, qualifications and wishes.</param>
    /// <param name="days">Horizon length.</param>
    public static RosterProblem Create(int workers, int seed, int days = 14)
    {
        var r = new Random(seed);
        var horizon = new DateInterval(Start, Start.PlusDays(days - 1));
        var shifts = new[]
        {
            new ShiftDefinition("G1", new LocalTime(0, 0), Duration.FromHours(8)),
            new ShiftDefinition("G2", new LocalTime(8, 0), Duration.FromHours(8)),
            new ShiftDefinition("G3", new LocalTime(16, 0), Duration.FromHours(8)),
            new ShiftDefinition("T", new LocalTime(5, 0), Duration.FromHours(6)),
            new ShiftDefinition("DL", new LocalTime(9, 0), Duration.FromHours(4)),
        };
        var compounds = Enumerable.Range(1, 6).Select(i => new Id<Compound>(i)).ToArray();
        var sealedCompound = compounds[2];
        var demands = new List<Demand>();
        var postId = 0;
        foreach (var c in compounds)
        {
            var gates = new[] { new Id<Post>(++postId), new Id<Post>(++postId) };
            var site = new Id<Post>(++postId);
            var scale = workers / 300.0;
            for (var d = 0; d < days; d++)
            {
                var date = Start.PlusDays(d);
                foreach (var gate in gates)
                {
                    foreach (var code in new[] { "G1", "G2", "G3" })
                    {
                        demands.Add(new Demand(gate, c, date, code, Scaled(2, scale), 100, 1, minimum: 1));
                    }
                }

                if (d is >= 2 and < 7)
                {
                    demands.Add(new Demand(site, c, date, "T", Scaled(3, scale), 100, 1, minimum: 1, qualification: "marshal"));
                    demands.Add(new Demand(site, c, date, "T", Scaled(2, scale), 100, 1, minimum: 1, qualification: "scanner"));
                    demands.Add(new Demand(site, c, date, "T", Scaled(2, scale), 100, 1, qualification: "elder-helper"));
                }
            }

            if (c == sealedCompound)
            {
                var team = new Id<Post>(++postId);
                for (var d = 0; d < days; d++)
                {
                    demands.Add(new Demand(team, c, Start.PlusDays(d), "DL", 3, 100, 1, minimum: 2));
                }
            }
        }

        var people = new List<Worker>();
        var wishes = new List<ShiftWish>();
        for (var i = 1; i <= workers; i++)
        {
            var home = compounds[(i - 1) % compounds.Length];
            var kind = (WorkerKind)r.Next(5);
            var quals = new List<string>();
            if (r.Next(10) < 4)
            {
                quals.Add("marshal");
            }

            if (r.Next(10) < 3)
            {
                quals.Add("scanner");
            }

            if (r.Next(10) < 3)
            {
                quals.Add("elder-helper");
            }

            // Volunteers living in the sealed compound are trapped there.
            Id<Compound>? confined = home == sealedCompound && kind != WorkerKind.Staff ? sealedCompound : null;
            var off = Enumerable.Range(0, days).Where(_ => r.Next(10) == 0).Select(d => Start.PlusDays(d));
            people.Add(new Worker(new Id<Worker>(i), kind, home, quals, confined, unavailableDates: off));
            if (r.Next(3) == 0)
            {
                wishes.Add(new ShiftWish(new Id<Worker>(i), Start.PlusDays(r.Next(days)), shifts[r.Next(3)].Code, WishKind.ShiftOff, r.Next(1, 4)));
            }
        }

        var staffRules = new WorkRules(maxConsecutiveDays: 6, minRest: Duration.FromHours(11), maxMinutesPerWeek: 48 * 60, maxTotalMinutes: 80 * 60);
        var volunteerRules = new WorkRules(maxConsecutiveDays: 5, minRest: Duration.FromHours(11), maxMinutesPerWeek: 30 * 60, maxWeekends: 2);
        var byKind = new Dictionary<WorkerKind, WorkRules>
        {
            [WorkerKind.Staff] = staffRules,
            [WorkerKind.Medical] = staffRules,
        };
        return RosterProblem.Create(horizon, shifts, demands, people, volunteerRules, byKind, wishes, weights: new PreferenceWeights(2, 1));
    }

    private static int Scaled(int count, double scale) => Math.Max(1, (int)Math.Round(count * scale));
}
