using System.Diagnostics;
using System.Globalization;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>
/// The <c>scale</c> verb: plans N generated communities at each degree of parallelism from 1 to D and
/// prints throughput (per core) and bytes allocated per community, for a quick look at large N.
/// </summary>
/// <remarks>
/// Usage: <c>scale [communities=5000] [--degree 2] [--iterations 5000] [--seed 7]</c>. Exit code 1 when
/// the runs' plans differ (they must not: every plan depends only on its community and seed), 2 on bad arguments.
/// </remarks>
public static class ScaleCommand
{
    /// <summary>Runs the verb.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int communities = 5_000, degree = 2, seed = 7;
        long iterations = ScaleRunner.DefaultIterations;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--degree": degree = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--iterations": iterations = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    default: communities = int.Parse(args[i], CultureInfo.InvariantCulture); break;
                }
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
        {
            error.WriteLine("usage: scale [communities=5000] [--degree 2] [--iterations 5000] [--seed 7]");
            return 2;
        }

        if (communities < 1 || degree < 1 || iterations < 1)
        {
            error.WriteLine("communities, degree and iterations must be positive");
            return 2;
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"load average before: {LoadAverage()}");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var generating = Stopwatch.StartNew();
        var city = ScaleGenerator.City(communities, seed);
        generating.Stop();
        var live = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine(string.Create(inv, $"city: {communities:N0} communities, {city.Sum(c => (long)c.Residents):N0} residents, {city.Sum(c => c.Workers.Count):N0} workers; generated in {generating.Elapsed.TotalSeconds:0.0} s; inputs {live / communities / 1024.0:0.0} KB live per community"));
        output.WriteLine(string.Create(inv, $"work per community: WavePlanner.Plan + RosterProblem.Create + RosterPlanner.Plan ({iterations:N0} moves); {Environment.ProcessorCount} logical cores"));

        // A warm-up, so the first measured run does not pay for JIT and tiered recompilation.
        ScaleRunner.Sequential(city.Take(Math.Min(100, communities)).ToArray(), iterations);

        output.WriteLine("threads | seconds | communities/s | per core | vs 1 thread | CPU ms/community | allocated/community | checksum");
        double? single = null;
        long? firstChecksum = null;
        var same = true;
        for (var d = 1; d <= degree; d++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            // CPU time as well as wall time: on a shared machine it shows the work per community apart from waiting.
            var cpu = CpuTime();
            var watch = Stopwatch.StartNew();
            var outcomes = ScaleRunner.Parallel(city, d, iterations);
            watch.Stop();
            cpu = CpuTime() - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var rate = communities / watch.Elapsed.TotalSeconds;
            single ??= rate;
            var checksum = ScaleOutcome.Checksum(outcomes);
            firstChecksum ??= checksum;
            same &= checksum == firstChecksum;
            var infeasible = outcomes.Count(o => o.Hard > 0);
            output.WriteLine(string.Create(inv, $"{d,7} | {watch.Elapsed.TotalSeconds,7:0.00} | {rate,13:0.0} | {rate / d,8:0.0} | {rate / d / single.Value,11:0.00} | {cpu.TotalMilliseconds / communities,16:0.00} | {allocated / (double)communities / 1024,16:0.0} KB | {checksum:X16}{(infeasible > 0 ? $" ({infeasible} rosters with hard violations)" : "")}"));
        }

        using (var self = Process.GetCurrentProcess())
        {
            output.WriteLine(string.Create(inv, $"peak working set {self.PeakWorkingSet64 / 1_000_000} MB; load average when done: {LoadAverage()}"));
        }

        output.WriteLine(same ? "plans identical at every degree of parallelism" : "PLANS DIFFER between runs: determinism broken");
        return same ? 0 : 1;
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    // Linux only: the machine's contention, so a reader can judge the figures; "n/a" elsewhere.
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
