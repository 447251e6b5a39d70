using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// The <c>curtois</c> benchmark command (<c>benchmarks/roster-benchmark/README.md</c>, "The command contract"):
/// <c>--instance PATH --seconds N [--seed S] [--solution OUT.csv] [--peer]</c>, or
/// <c>--instance PATH --check SOLUTION.csv</c> to evaluate a solution file written by any program.
/// </summary>
/// <remarks>
/// Reads the instance, calls the solver with the time left minus <see cref="SafetyMargin"/> (the whole run,
/// timed from entry, must fit in N seconds), writes the CSV when asked, evaluates the roster with
/// <see cref="CurtoisEvaluator"/> only and prints as its last line
/// <c>objective=&lt;int&gt; hard_violations=&lt;int&gt; seconds=&lt;total wall seconds, 2 decimals&gt;</c>, followed by
/// <c> bound=&lt;int&gt;</c> when the solver proves a lower bound on the objective of any roster without hard violations.
/// Exit codes: 0 success; 2 with one line on stderr for missing, unknown or invalid arguments (a refused number names
/// its option and what it expects), an unreadable or malformed instance, an instance the solver cannot take (it throws
/// <see cref="NotSupportedException"/>, as the planner's mapping does for a line its model refuses) or an unwritable
/// solution file; 1 when the solver throws anything else or returns a roster that does not fit the instance. The file
/// arguments are checked before the instance is read and before solving: a directory where a file is expected, an
/// empty file (or a device or pipe) to read, a solution file that is the instance or whose folder is missing or that
/// cannot be written. <c>--help</c> or <c>-h</c> prints the usage on stdout, exit 0. A leading <c>curtois</c> argument (the verb) is skipped. When a
/// <c>best_known.tsv</c> lies in the instance's folder or its parent, a <c>best_known=</c> line with the gap
/// precedes the last line. <c>--check</c> reads the CSV instead of solving (exit 2 when it is unreadable or
/// malformed), prints the bound of the <see cref="CurtoisBound"/> given (the solver's bound computed alone, steered by
/// the checked roster when it has no hard violations; when the bound's model cannot take the instance, one line on stderr
/// says why and the evaluation is printed without a bound, exit 0) and cannot be combined with <c>--seconds</c>, <c>--seed</c>,
/// <c>--solution</c> or <c>--peer</c>.
/// <c>--peer</c> then runs the peer (the CP-SAT model) on the same instance with the same solver seconds and
/// seed, evaluates its roster with the same evaluator, and prints, before the last line, a <c>peer=</c> line
/// (status, objective, hard violations, the peer's proven bound, seconds) and a <c>planner_vs_peer</c> line
/// (objective ratio planner / peer, gap of each to the peer's bound); the last line stays the planner's, its
/// seconds the planner's own run.
/// </remarks>
public static class CurtoisCommand
{
    /// <summary>The usage line printed with argument errors.</summary>
    public const string Usage = "usage: curtois --instance PATH (--seconds N [--seed S] [--solution OUT.csv] [--peer] | --check SOLUTION.csv)";

    /// <summary>The most seconds <c>--seconds</c> takes.</summary>
    public const double MostSeconds = 1_000_000;

    /// <summary>What <c>--seconds</c> expects, as its refusals say.</summary>
    private const string SecondsExpected = "a number of seconds above 0 and at most 1000000";

    /// <summary>The seed used when <c>--seed</c> is absent.</summary>
    public const int DefaultSeed = 1;

    /// <summary>
    /// The time kept back from the solver for writing and evaluating: 2 % of the limit, at least 0.1 s and at
    /// most 1 s.
    /// </summary>
    /// <param name="limit">The whole run's limit.</param>
    public static TimeSpan SafetyMargin(TimeSpan limit) =>
        TimeSpan.FromSeconds(Math.Clamp(limit.TotalSeconds * 0.02, 0.1, 1.0));

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments (without the program name).</param>
    /// <param name="stdout">Receives the report; the last line is the objective line.</param>
    /// <param name="stderr">Receives the one-line error message on failure.</param>
    /// <param name="solve">The solver.</param>
    /// <param name="peer">The peer run by <c>--peer</c>; <c>--peer</c> is an argument error without one.</param>
    /// <param name="bound">The bound <c>--check</c> prints as <c>bound=</c> (the solver's own, computed alone); none
    /// printed without one or when it throws <see cref="NotSupportedException"/> (its model cannot take the instance: stderr
    /// gets its reason).</param>
    /// <param name="cancellationToken">Stops the solver early (e.g. Ctrl+C); the time limit stops it anyway.</param>
    /// <returns>The exit code: 0, 1 or 2 as described on the class.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CurtoisSolve solve, CurtoisPeer? peer = null, CurtoisBound? bound = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Guard.Against.Null(args);
        Guard.Against.Null(stdout);
        Guard.Against.Null(stderr);
        Guard.Against.Null(solve);
        if (args.Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        if (!TryParseArguments(args, out var options, out var error))
        {
            stderr.WriteLine($"curtois: {error}. {Usage}");
            return 2;
        }

        if (options.Peer && peer is null)
        {
            stderr.WriteLine($"curtois: no peer solver is available. {Usage}");
            return 2;
        }

        // Every file argument is checked before the instance is read and, above all, before the solver's minutes.
        if (FileError(options) is { } fileError)
        {
            stderr.WriteLine($"curtois: {fileError}.");
            return 2;
        }

        CurtoisInstance instance;
        try
        {
            instance = CurtoisParser.Load(options.Instance);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CurtoisFormatException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"curtois: cannot read instance '{options.Instance}': {CommandFiles.Reason(options.Instance, ex)}.");
            return 2;
        }

        return options.Check is { } check
            ? Check(options.Instance, instance, check, bound, stdout, stderr, clock, cancellationToken)
            : Solve(options, instance, solve, peer, stdout, stderr, clock, cancellationToken);
    }

    /// <summary>The first file argument that cannot be used as given, as a clause; null when all can.</summary>
    private static string? FileError(Options options)
    {
        if (CommandFiles.NotReadable(options.Instance, "--instance", "an instance file") is { } instance)
        {
            return $"cannot read instance '{options.Instance}': {instance}";
        }

        if (options.Check is { } check && CommandFiles.NotReadable(check, "--check", "a solution CSV file") is { } solution)
        {
            return $"cannot read solution '{check}': {solution}";
        }

        if (options.Solution is { } same && CommandFiles.SameFile(same, options.Instance))
        {
            return $"cannot write solution '{same}': it is the instance file, and --solution expects another file to write the solution CSV to";
        }

        return options.Solution is { } path && CommandFiles.NotWritable(path, "--solution", "a file to write the solution CSV to") is { } output
            ? $"cannot write solution '{path}': {output}"
            : null;
    }

    /// <summary><c>--check</c>: evaluates the CSV and prints the report, with the bound when one is proven.</summary>
    private static int Check(string instancePath, CurtoisInstance instance, string check, CurtoisBound? bound, TextWriter stdout, TextWriter stderr, Stopwatch clock, CancellationToken cancellationToken)
    {
        CurtoisSolution read;
        string? writtenFor;
        try
        {
            using (var head = new StreamReader(check))
            {
                writtenFor = CurtoisCsv.WrittenFor(head);
            }

            using var reader = new StreamReader(check);
            read = CurtoisCsv.Read(instance, reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CurtoisFormatException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"curtois: cannot read solution '{check}': {CommandFiles.Reason(check, ex)}.");
            return 2;
        }

        // Instances share staff and shift ids (Instance1's staff A-H and shift D are all in Instance3), so another instance's roster can read
        // cleanly; a file this command wrote names its instance, and a different name is said before the evaluation.
        if (writtenFor is not null && !string.Equals(writtenFor, instance.Name, StringComparison.Ordinal))
        {
            stderr.WriteLine($"curtois: solution '{check}' was written for instance '{writtenFor}', not '{instance.Name}'; evaluated against '{instancePath}' as asked.");
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instance={instance.Name} days={instance.Days} staff={instance.Staff.Count} shift_types={instance.Shifts.Count} check={check}"));
        var evaluation = CurtoisEvaluator.Evaluate(instance, read);
        long? proven = null;
        if (bound is not null)
        {
            try
            {
                // The checked roster steers the bound as a solved roster does in the planner: only when it keeps every hard rule.
                proven = bound(instance, evaluation.HardViolations == 0 ? evaluation.Objective : null, cancellationToken);
            }
            catch (NotSupportedException ex)
            {
                // The bound's model cannot take this instance; the evaluation stands without a bound, and says why.
                stderr.WriteLine($"curtois: no bound: the solver's model cannot take instance '{instancePath}': {OneLine(ex.Message)}");
            }
        }

        Report(instancePath, evaluation, proven, stdout, clock);
        return 0;
    }

    /// <summary>The solving run: solve within the time left, write the CSV when asked, run the peer when asked, report.</summary>
    private static int Solve(Options options, CurtoisInstance instance, CurtoisSolve solve, CurtoisPeer? peer, TextWriter stdout, TextWriter stderr, Stopwatch clock, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Seconds);
        var budget = limit - clock.Elapsed - SafetyMargin(limit);
        if (budget < TimeSpan.Zero)
        {
            budget = TimeSpan.Zero;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instance={instance.Name} days={instance.Days} staff={instance.Staff.Count} shift_types={instance.Shifts.Count} seed={options.Seed} solver_seconds={budget.TotalSeconds:F2}"));

        CurtoisSolution? solution;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(budget);
            try
            {
                solution = solve(instance, budget, options.Seed, deadline.Token);
            }
            catch (NotSupportedException ex)
            {
                stderr.WriteLine($"curtois: the solver cannot take instance '{options.Instance}': {OneLine(ex.Message)}");
                return 2;
            }
#pragma warning disable CA1031 // A solver fault of any kind is reported as exit code 1, not a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                stderr.WriteLine($"curtois: the solver failed: {ex.GetType().Name}: {OneLine(ex.Message)}");
                return 1;
            }
        }

        if (solution is null || solution.Employees != instance.Staff.Count || solution.Days != instance.Days)
        {
            stderr.WriteLine("curtois: the solver returned no roster or one that does not fit the instance");
            return 1;
        }

        CurtoisEvaluation evaluation;
        try
        {
            evaluation = CurtoisEvaluator.Evaluate(instance, solution);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"curtois: the solver's roster does not fit the instance: {OneLine(ex.Message)}");
            return 1;
        }

        if (options.Solution is { } path)
        {
            try
            {
                using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                CurtoisCsv.Write(instance, solution, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Checked before solving; the folder may still have gone since.
                stderr.WriteLine($"curtois: cannot write solution '{path}': {CommandFiles.Reason(path, ex)}.");
                return 2;
            }
        }

        if (options.Peer)
        {
            clock.Stop(); // the last line reports the planner's own seconds
            if (!RunPeer(peer!, instance, evaluation, budget, options.Seed, stdout, stderr, cancellationToken))
            {
                return 1;
            }
        }

        Report(options.Instance, evaluation, solution.LowerBound, stdout, clock);
        return 0;
    }

    private static bool RunPeer(CurtoisPeer peer, CurtoisInstance instance, CurtoisEvaluation planner, TimeSpan budget, int seed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        CurtoisPeerResult result;
        try
        {
            result = peer(instance, budget, seed, cancellationToken);
        }
#pragma warning disable CA1031 // A peer fault of any kind is reported as exit code 1, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"curtois: the peer failed: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return false;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var bound = result.Bound?.ToString(CultureInfo.InvariantCulture) ?? "none";
        if (result.Solution is null)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peer={result.Name} status={result.Status} objective=none hard_violations=none bound={bound} seconds={seconds:F2}"));
            return true;
        }

        CurtoisEvaluation evaluation;
        try
        {
            evaluation = CurtoisEvaluator.Evaluate(instance, result.Solution);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"curtois: the peer's roster does not fit the instance: {OneLine(ex.Message)}");
            return false;
        }

        // The peer's objective is re-evaluated independently; its own figure is printed beside it as a check.
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peer={result.Name} status={result.Status} objective={evaluation.Objective} hard_violations={evaluation.HardViolations} bound={bound} model_objective={result.SolverObjective} seconds={seconds:F2}"));
        var ratio = evaluation.Objective == 0 ? (planner.Objective == 0 ? 1.0 : double.PositiveInfinity) : (double)planner.Objective / evaluation.Objective;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planner_vs_peer ratio={ratio:F4} planner={planner.Objective} peer={evaluation.Objective} planner_gap_to_peer_bound={Gap(planner.Objective, result.Bound)} peer_gap_to_peer_bound={Gap(evaluation.Objective, result.Bound)}"));
        return true;
    }

    private static string Gap(long objective, long? bound) =>
        bound is not { } b ? "none" : b <= 0 ? (objective == b ? "0.00%" : "inf") : string.Create(CultureInfo.InvariantCulture, $"{100.0 * (objective - b) / b:F2}%");

    private static void Report(string instancePath, CurtoisEvaluation evaluation, long? bound, TextWriter stdout, Stopwatch clock)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"on_requests={evaluation.OnRequestPenalty} off_requests={evaluation.OffRequestPenalty} cover_under={evaluation.CoverUnderPenalty} cover_over={evaluation.CoverOverPenalty}"));
        foreach (var group in evaluation.Violations.GroupBy(v => v.Rule))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"violations {group.Key}={group.Count()} first: {group.First()}"));
        }

        if (CurtoisBestKnown.TryFindFor(instancePath, out var best))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"best_known={best.BestKnownObjective} lower_bound={best.LowerBound} gap_to_best_known={best.GapPercent(evaluation.Objective):F2}%"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"objective={evaluation.Objective} hard_violations={evaluation.HardViolations} seconds={clock.Elapsed.TotalSeconds:F2}{(bound is { } b ? $" bound={b}" : "")}"));
    }

    private static bool TryParseArguments(string[] args, out Options options, out string error)
    {
        options = default;
        string? instance = null, solution = null, check = null;
        double? seconds = null;
        int? seed = null;
        var peer = false;
        var start = args.Length > 0 && args[0] == "curtois" ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--peer")
            {
                if (peer)
                {
                    error = "--peer is given twice";
                    return false;
                }

                peer = true;
                continue;
            }

            if (name is not ("--instance" or "--seconds" or "--seed" or "--solution" or "--check"))
            {
                error = $"unknown argument '{name}'";
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            var duplicate = name switch
            {
                "--instance" => instance is not null,
                "--seconds" => seconds is not null,
                "--seed" => seed is not null,
                "--check" => check is not null,
                _ => solution is not null,
            };
            if (duplicate)
            {
                error = $"{name} is given twice";
                return false;
            }

            switch (name)
            {
                case "--instance":
                    instance = value;
                    break;
                case "--solution":
                    solution = value;
                    break;
                case "--check":
                    check = value;
                    break;
                case "--seconds":
                    if (CommandNumbers.Number(name, value, double.Epsilon, MostSeconds, SecondsExpected, out var s) is { } refused)
                    {
                        error = refused;
                        return false;
                    }

                    seconds = s;
                    break;
                default:
                    if (CommandNumbers.WholeNumber(name, value, int.MinValue, int.MaxValue, CommandNumbers.AnyInteger, out var seedValue) is { } notSeed)
                    {
                        error = notSeed;
                        return false;
                    }

                    seed = seedValue;
                    break;
            }
        }

        if (check is not null && (seconds is not null || seed is not null || solution is not null || peer))
        {
            error = "--check cannot be combined with --seconds, --seed, --solution or --peer";
            return false;
        }

        if (instance is null || (seconds is null && check is null))
        {
            error = instance is null ? "missing --instance" : "missing --seconds";
            return false;
        }

        options = new Options(instance, seconds ?? 0, seed ?? DefaultSeed, solution, check, peer);
        error = string.Empty;
        return true;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private readonly record struct Options(string Instance, double Seconds, int Seed, string? Solution, string? Check, bool Peer);
}
