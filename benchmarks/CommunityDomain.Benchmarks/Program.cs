using BenchmarkDotNet.Running;
using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Peer;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Benchmarks.Scale;

namespace CommunityDomain.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, plus the roster benchmark (with its CP-SAT peer), the community problem generator and the city-scale commands.</summary>
public static class Program
{
    /// <summary>Runs the selected benchmarks; returns 1 when any failed or none ran.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "curtois") return CurtoisCommand.Run(args[1..], Console.Out, Console.Error, CurtoisSolver.Solve, CpSatPeer.Solve, CurtoisSolver.Bound);
        if (args.Length > 0 && args[0] == "community") return CommunityCommand.Run(args[1..], Console.Out, Console.Error);
        if (args.Length > 0 && args[0] == "scale") return ScaleCommand.Run(args[1..], Console.Out, Console.Error);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        // BenchmarkDotNet exits 0 on a benchmark that throws; CI must see it fail.
        var failed = summaries.Count == 0 || summaries.Any(s =>
            s.HasCriticalValidationErrors || s.Reports.IsEmpty || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
