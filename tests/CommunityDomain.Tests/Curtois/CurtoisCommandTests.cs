using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed partial class CurtoisCommandTests : IDisposable
{
    private static readonly CurtoisSolve EmptyRoster = (instance, _, _, _) => CurtoisSolution.Empty(instance);
    private static readonly CurtoisSolve GreedyRoster = CurtoisBaselines.GreedySolve;

    private readonly string _folder = Directory.CreateTempSubdirectory("curtois-command-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_empty_roster_on_Instance1_prints_the_objective_line_last()
    {
        var (code, stdout, stderr) = Run(EmptyRoster, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "5");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var last = LastLine(stdout);
        Assert.Matches(ObjectiveLine(), last);
        Assert.StartsWith("objective=7137 hard_violations=8 seconds=", last, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solver_that_proves_a_bound_gets_it_printed_last_beside_the_objective()
    {
        CurtoisSolve bounded = (instance, _, _, _) => CurtoisSolution.Empty(instance).WithLowerBound(600);
        var (code, stdout, _) = Run(bounded, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "5");

        Assert.Equal(0, code);
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        Assert.Equal("7137", match.Groups["objective"].Value);
        Assert.Equal("600", match.Groups["bound"].Value);
    }

    [Fact]
    public void Run_greedy_with_solution_writes_a_CSV_that_re_evaluates_to_the_printed_line()
    {
        var instancePath = RosterBenchmarkFolder.PathOf("Instance2");
        var csv = Path.Combine(_folder, "out.csv");

        var (code, stdout, _) = Run(GreedyRoster, "--instance", instancePath, "--seconds", "10", "--seed", "7", "--solution", csv);

        Assert.Equal(0, code);
        var instance = CurtoisParser.Load(instancePath);
        using var reader = new StreamReader(csv);
        var evaluation = CurtoisEvaluator.Evaluate(instance, CurtoisCsv.Read(instance, reader));
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        Assert.Equal(evaluation.Objective, int.Parse(match.Groups["objective"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(evaluation.HardViolations, int.Parse(match.Groups["hard"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(CurtoisEvaluator.Evaluate(instance, CurtoisBaselines.Greedy(instance)).Objective, evaluation.Objective);
    }

    [Fact]
    public void Run_passes_seed_and_a_time_limit_below_the_budget_to_the_solver()
    {
        var seen = (Limit: TimeSpan.MaxValue, Seed: 0, Days: 0);
        CurtoisSolve spy = (instance, limit, seed, _) =>
        {
            seen = (limit, seed, instance.Days);
            return CurtoisSolution.Empty(instance);
        };

        var (code, _, _) = Run(spy, "curtois", "--seconds", "3", "--seed", "42", "--instance", RosterBenchmarkFolder.PathOf("Instance1"));

        Assert.Equal(0, code);
        Assert.Equal(42, seen.Seed);
        Assert.Equal(14, seen.Days);
        Assert.InRange(seen.Limit, TimeSpan.Zero, TimeSpan.FromSeconds(3) - CurtoisCommand.SafetyMargin(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Run_without_seed_uses_the_default_seed()
    {
        var seed = 0;
        CurtoisSolve spy = (instance, _, s, _) =>
        {
            seed = s;
            return CurtoisSolution.Empty(instance);
        };

        Run(spy, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1");

        Assert.Equal(CurtoisCommand.DefaultSeed, seed);
    }

    [Fact]
    public void Run_cancels_the_solver_token_once_the_time_limit_has_passed()
    {
        var cancelled = false;
        CurtoisSolve waiter = (instance, _, _, token) =>
        {
            // Waits for the deadline (0.5 s - margin) with a generous fallback so the test cannot hang.
            cancelled = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            return CurtoisSolution.Empty(instance);
        };

        var (code, _, _) = Run(waiter, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "0.5");

        Assert.Equal(0, code);
        Assert.True(cancelled);
    }

    [Theory]
    [InlineData("missing --seconds", "--instance", "x.txt")]
    [InlineData("missing --instance", "--seconds", "5")]
    [InlineData("unknown argument '--fast'", "--instance", "x.txt", "--seconds", "5", "--fast")]
    [InlineData("--seconds needs a value", "--instance", "x.txt", "--seconds")]
    [InlineData("--seconds 'abc' is not a number: --seconds expects a number of seconds above 0 and at most 1000000. usage:", "--instance", "x.txt", "--seconds", "abc")]
    [InlineData("--seconds '0' is out of range: --seconds expects a number of seconds above 0 and at most 1000000. usage:", "--instance", "x.txt", "--seconds", "0")]
    [InlineData("--seconds ' 5' is not a number: --seconds expects a number of seconds above 0 and at most 1000000. usage:", "--instance", "x.txt", "--seconds", " 5")]
    [InlineData("--seconds '2000000' is out of range: --seconds expects a number of seconds above 0 and at most 1000000. usage:", "--instance", "x.txt", "--seconds", "2000000")]
    [InlineData("--seed '1.5' is not a whole number: --seed expects a whole number from -2147483648 to 2147483647. usage:", "--instance", "x.txt", "--seconds", "5", "--seed", "1.5")]
    [InlineData("--seed 'abc' is not a whole number: --seed expects a whole number from -2147483648 to 2147483647. usage:", "--instance", "x.txt", "--seconds", "5", "--seed", "abc")]
    [InlineData("--seed '99999999999' is out of range: --seed expects a whole number from -2147483648 to 2147483647. usage:", "--instance", "x.txt", "--seconds", "5", "--seed", "99999999999")]
    [InlineData("--instance is given twice", "--instance", "x.txt", "--instance", "y.txt", "--seconds", "5")]
    public void Run_bad_arguments_exit_2_with_one_line_on_stderr(string fragment, params string[] args)
    {
        var called = false;
        CurtoisSolve spy = (instance, _, _, _) =>
        {
            called = true;
            return CurtoisSolution.Empty(instance);
        };

        var (code, stdout, stderr) = Run(spy, args);

        Assert.Equal(2, code);
        Assert.False(called);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(fragment, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_missing_instance_file_exits_2()
    {
        var (code, _, stderr) = Run(EmptyRoster, "--instance", Path.Combine(_folder, "none.txt"), "--seconds", "1");

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("cannot read instance", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_malformed_instance_exits_2_naming_the_line()
    {
        var path = Path.Combine(_folder, "bad.txt");
        File.WriteAllText(path, Tiny.WithLine(10, "A,D=2|E=2,2000,0,2,1,1"));

        var (code, _, stderr) = Run(EmptyRoster, "--instance", path, "--seconds", "1");

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("line 10: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_instance_the_planner_cannot_model_exits_2_naming_the_staff_line()
    {
        var path = Path.Combine(_folder, "refused.txt");
        File.WriteAllText(path, Tiny.WithLine(10, "A,D=2|E=2,2000,0,0,1,1,1"));

        var (code, stdout, stderr) = Run(CommunityDomain.Benchmarks.Rostering.CurtoisSolver.Solve, "--instance", path, "--seconds", "1");

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("cannot take instance", stderr, StringComparison.Ordinal);
        Assert.Contains("staff A: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("objective=", stdout, StringComparison.Ordinal);
        // The model's own sentence, without .NET's "(Parameter 'maxConsecutiveDays')": the name is the model's, not the file's.
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_solution_path_that_is_the_instance_exits_2_before_solving_and_leaves_the_instance()
    {
        var path = Path.Combine(_folder, "same.txt");
        File.Copy(RosterBenchmarkFolder.PathOf("Instance1"), path);
        var before = File.ReadAllText(path);

        var (called, code, stdout, stderr) = RunSpy("--instance", path, "--seconds", "1", "--solution", Path.Combine(_folder, ".", "same.txt"));

        Assert.Equal(2, code);
        Assert.False(called);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("it is the instance file", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void Run_given_an_empty_file_or_a_device_to_read_exits_2_before_reading_it()
    {
        // /dev/zero was read until the process ran out of memory, a named pipe for ever; both have size 0, as an empty file.
        var empty = Path.Combine(_folder, "empty.txt");
        File.WriteAllText(empty, string.Empty);
        foreach (var args in new[] { new[] { "--instance", empty, "--seconds", "1" }, ["--instance", "/dev/zero", "--seconds", "1"],
            ["--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--check", empty] })
        {
            var (called, code, stdout, stderr) = RunSpy(args);
            Assert.Equal(2, code);
            Assert.False(called);
            Assert.Equal(string.Empty, stdout);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.Contains("it is empty (or a device or pipe, not a file)", stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Run_help_prints_the_usage_on_stdout_and_exits_0(string help)
    {
        var (called, code, stdout, stderr) = RunSpy("--instance", "x", help);

        Assert.Equal(0, code);
        Assert.False(called);
        Assert.Equal(CurtoisCommand.Usage + "\n", stdout);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Run_solution_path_in_a_missing_folder_exits_2_before_solving_naming_the_folder()
    {
        var path = Path.Combine(_folder, "no-such-dir", "out.csv");
        var (called, code, stdout, stderr) = RunSpy("--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--solution", path);

        Assert.Equal(2, code);
        Assert.False(called);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"curtois: cannot write solution '{path}': the folder '{Path.Combine(_folder, "no-such-dir")}' does not exist.\n", stderr);
    }

    [Fact]
    public void Run_solution_path_under_a_file_exits_2_before_solving_naming_the_file()
    {
        var file = Path.Combine(_folder, "plain.txt");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "out.csv");

        var (called, code, _, stderr) = RunSpy("--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--solution", path);

        Assert.Equal(2, code);
        Assert.False(called);
        Assert.Equal($"curtois: cannot write solution '{path}': '{file}' is a file, not a folder.\n", stderr);
    }

    [Fact]
    public void Run_solution_path_that_can_be_written_is_left_as_it_was_until_the_solver_returns()
    {
        var existing = Path.Combine(_folder, "existing.csv");
        File.WriteAllText(existing, "keep");
        var fresh = Path.Combine(_folder, "fresh.csv");
        var seen = new List<(string Existing, bool FreshExists)>();
        CurtoisSolve spy = (instance, _, _, _) =>
        {
            seen.Add((File.ReadAllText(existing), File.Exists(fresh)));
            return CurtoisSolution.Empty(instance);
        };

        var (code, _, _) = Run(spy, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--solution", existing);
        var (codeFresh, _, _) = Run(spy, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--solution", fresh);

        Assert.Equal((0, 0), (code, codeFresh));
        // While solving: the existing file as it was, and no fresh file left behind by the check.
        Assert.Equal([("keep", false), (File.ReadAllText(existing), false)], seen);
        Assert.NotEqual("keep", File.ReadAllText(existing));
        Assert.True(File.Exists(fresh));
    }

    [Theory]
    [InlineData("cannot read instance '{0}': it is a directory, and --instance expects an instance file.", "--instance", "{0}", "--seconds", "1")]
    [InlineData("cannot read instance '{0}': it is a directory, and --instance expects an instance file.", "--instance", "{0}", "--check", "x.csv")]
    [InlineData("cannot read solution '{0}': it is a directory, and --check expects a solution CSV file.", "--instance", "{1}", "--check", "{0}")]
    [InlineData("cannot write solution '{0}': it is a directory, and --solution expects a file to write the solution CSV to.", "--instance", "{1}", "--seconds", "1", "--solution", "{0}")]
    public void Run_given_a_directory_for_a_file_exits_2_saying_so_before_any_work(string message, params string[] args)
    {
        var instance = RosterBenchmarkFolder.PathOf("Instance1");
        var (called, code, stdout, stderr) = RunSpy(args.Select(a => string.Format(CultureInfo.InvariantCulture, a, _folder, instance)).ToArray());

        Assert.Equal(2, code);
        Assert.False(called);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("curtois: " + string.Format(CultureInfo.InvariantCulture, message, _folder) + "\n", stderr);
    }

    [Fact]
    public void Run_solver_that_throws_or_returns_a_misshapen_roster_exits_1()
    {
        CurtoisSolve throwing = (_, _, _, _) => throw new InvalidOperationException("boom");
        CurtoisSolve misshapen = (_, _, _, _) => new CurtoisSolution(new int[1, 1]);
        var instance = RosterBenchmarkFolder.PathOf("Instance1");

        var (code1, _, stderr1) = Run(throwing, "--instance", instance, "--seconds", "1");
        var (code2, _, _) = Run(misshapen, "--instance", instance, "--seconds", "1");

        Assert.Equal(1, code1);
        Assert.Contains("boom", stderr1, StringComparison.Ordinal);
        Assert.Equal(1, code2);
    }

    [Fact]
    public void Run_check_re_evaluates_a_written_solution_without_solving()
    {
        var instancePath = RosterBenchmarkFolder.PathOf("Instance1");
        var csv = Path.Combine(_folder, "greedy.csv");
        var (_, solved, _) = Run(GreedyRoster, "--instance", instancePath, "--seconds", "10", "--solution", csv);
        var called = false;
        CurtoisSolve spy = (instance, _, _, _) =>
        {
            called = true;
            return CurtoisSolution.Empty(instance);
        };

        var (code, checkedOut, _) = Run(spy, "--instance", instancePath, "--check", csv);

        Assert.Equal(0, code);
        Assert.False(called);
        Assert.Equal(Scores(solved), Scores(checkedOut));
    }

    [Fact]
    public void Run_check_prints_the_bound_given_last_beside_the_objective_steered_by_a_roster_without_hard_violations()
    {
        var instancePath = RosterBenchmarkFolder.PathOf("Instance1");
        var csv = Path.Combine(_folder, "greedy.csv");
        Run(GreedyRoster, "--instance", instancePath, "--seconds", "10", "--solution", csv);
        var upper = (long?)-1;
        CurtoisBound bound = (_, u, _) =>
        {
            upper = u;
            return 600;
        };

        var (code, stdout, _) = RunCheck(bound, instancePath, csv);

        Assert.Equal(0, code);
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        Assert.Equal("600", match.Groups["bound"].Value);
        var (objective, hard) = Scores(stdout);
        Assert.Equal(hard == "0" ? long.Parse(objective, CultureInfo.InvariantCulture) : null, upper);
    }

    [Fact]
    public void Run_check_with_the_planners_bound_prints_one_no_greater_than_the_optimum()
    {
        var instancePath = RosterBenchmarkFolder.PathOf("Instance1");
        var csv = Path.Combine(_folder, "greedy.csv");
        Run(GreedyRoster, "--instance", instancePath, "--seconds", "10", "--solution", csv);

        var (code, stdout, stderr) = RunCheck(CommunityDomain.Benchmarks.Rostering.CurtoisSolver.Bound, instancePath, csv);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        // Instance1's optimum is 607 (best_known.tsv: best known = lower bound).
        Assert.InRange(long.Parse(match.Groups["bound"].Value, CultureInfo.InvariantCulture), 1, 607);
    }

    [Fact]
    public void Run_check_whose_bound_cannot_take_the_instance_prints_the_evaluation_without_a_bound_and_says_why()
    {
        var instancePath = RosterBenchmarkFolder.PathOf("Instance1");
        var csv = Path.Combine(_folder, "greedy.csv");
        Run(GreedyRoster, "--instance", instancePath, "--seconds", "10", "--solution", csv);
        CurtoisBound refusing = (_, _, _) => throw new NotSupportedException("staff A: no");

        var (code, stdout, stderr) = RunCheck(refusing, instancePath, csv);

        Assert.Equal(0, code);
        Assert.Equal($"curtois: no bound: the solver's model cannot take instance '{instancePath}': staff A: no\n", stderr);
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        Assert.False(match.Groups["bound"].Success);
    }

    [Fact]
    public void Run_check_of_a_solution_written_for_another_instance_says_so_and_still_evaluates_it()
    {
        var csv = Path.Combine(_folder, "instance1.csv");
        Run(GreedyRoster, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "10", "--solution", csv);
        var other = RosterBenchmarkFolder.PathOf("Instance3");

        var (code, stdout, stderr) = Run(EmptyRoster, "--instance", other, "--check", csv);

        // Instance1's staff and shift ids all exist in Instance3, so the file reads; the command names the mismatch.
        Assert.Equal(0, code);
        Assert.Equal($"curtois: solution '{csv}' was written for instance 'Instance1', not 'Instance3'; evaluated against '{other}' as asked.\n", stderr);
        Assert.Matches(ObjectiveLine(), LastLine(stdout));
    }

    [Theory]
    [InlineData("# Instance8\n# EmployeeID,Day,ShiftID\nA,0,D\n", "Instance8")]
    [InlineData("# Instance8\nA,0,D\n", null)]
    [InlineData("A,0,D\n", null)]
    [InlineData("# \n# EmployeeID,Day,ShiftID\n", null)]
    [InlineData("", null)]
    public void A_file_names_its_instance_only_in_the_writers_own_header(string text, string? name)
    {
        Assert.Equal(name, CurtoisCsv.WrittenFor(new StringReader(text)));
    }

    [Fact]
    public void Run_check_of_a_malformed_solution_exits_2_naming_the_line()
    {
        var csv = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(csv, "# header\nA,0,D\nA,0,D\n");

        var (code, _, stderr) = Run(EmptyRoster, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--check", csv);

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("line 3: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_check_with_solver_options_exits_2()
    {
        var (code, _, stderr) = Run(EmptyRoster, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--check", "x.csv", "--seconds", "5");

        Assert.Equal(2, code);
        Assert.Contains("--check cannot be combined", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_prints_the_gap_to_the_best_known_value_before_the_last_line()
    {
        var (_, stdout, _) = Run(EmptyRoster, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1");

        var lines = stdout.TrimEnd('\n').Split('\n');
        // (7137 - 607) / 607 = 1075.78 %
        Assert.Equal("best_known=607 lower_bound=607 gap_to_best_known=1075.78%", lines[^2]);
    }

    private static (string Objective, string Hard) Scores(string stdout)
    {
        var match = ObjectiveLine().Match(LastLine(stdout));
        Assert.True(match.Success, stdout);
        return (match.Groups["objective"].Value, match.Groups["hard"].Value);
    }

    private static (int Code, string Stdout, string Stderr) Run(CurtoisSolve solve, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CurtoisCommand.Run(args, stdout, stderr, solve);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Stdout, string Stderr) RunCheck(CurtoisBound bound, string instance, string csv)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CurtoisCommand.Run(["--instance", instance, "--check", csv], stdout, stderr, EmptyRoster, bound: bound);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (bool Called, int Code, string Stdout, string Stderr) RunSpy(params string[] args)
    {
        var called = false;
        CurtoisSolve spy = (instance, _, _, _) =>
        {
            called = true;
            return CurtoisSolution.Empty(instance);
        };

        var (code, stdout, stderr) = Run(spy, args);
        return (called, code, stdout, stderr);
    }

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    [GeneratedRegex(@"^objective=(?<objective>\d+) hard_violations=(?<hard>\d+) seconds=\d+\.\d\d( bound=(?<bound>-?\d+))?$")]
    private static partial Regex ObjectiveLine();
}
