namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// The guard idioms of CONTRIBUTING.md ("Guards: one idiom per situation"), checked over the source of the folders in
/// <see cref="SourceTree.ConvertedFolders"/>: one predicate polarity (<c>InvalidInput</c>, whose predicate states
/// what valid input looks like), no BCL <c>ThrowIf*</c> helpers beside Ardalis, and every range or predicate guard and
/// every hand-written argument exception carries a message (the defaults, e.g. "Input need was out of range", do not
/// say the range).
/// </summary>
public sealed class GuardConventionTests
{
    private static readonly string[] Banned =
    [
        "Guard.Against.Expression",
        "Guard.Against.ExpressionAsync",
        "ArgumentNullException.ThrowIfNull",
        "ArgumentException.ThrowIfNullOrEmpty",
        "ArgumentException.ThrowIfNullOrWhiteSpace",
        "ArgumentOutOfRangeException.ThrowIf",
    ];

    /// <summary>Guards whose default message does not say what is allowed, with the argument count that includes a message.</summary>
    private static readonly (string Method, int WithMessage)[] NeedMessage =
    [
        ("Guard.Against.OutOfRange", 5),
        ("Guard.Against.InvalidInput", 4),
        ("Guard.Against.NullOrInvalidInput", 4),
        ("Guard.Against.NullOrOutOfRange", 5),
    ];

    [Fact]
    public void Converted_folders_use_one_predicate_polarity_and_no_BCL_throw_helpers()
    {
        var found = SourceTree.ConvertedFiles()
            .SelectMany(f => Banned.SelectMany(b => GuardScanner.LinesCalling(GuardScanner.Blank(f.Text), b).Select(line => $"{f.Path}:{line} {b}")))
            .ToList();
        Assert.True(found.Count == 0, "Use Guard.Against.InvalidInput (valid-input predicate) or Guard.Against.Null:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Range_and_predicate_guards_in_converted_folders_carry_a_message()
    {
        var files = SourceTree.ConvertedFiles().ToList();
        Assert.NotEmpty(files);
        var bare = files
            .SelectMany(f => NeedMessage.SelectMany(n => GuardScanner.Calls(f.Text, n.Method)
                .Where(c => c.Arguments.Count < n.WithMessage)
                .Select(c => $"{f.Path}:{c.Line} {n.Method} with {c.Arguments.Count} arguments")))
            .ToList();
        Assert.True(bare.Count == 0, "Pass a message that names what was wrong and what is allowed:\n" + string.Join("\n", bare));
    }

    [Fact]
    public void Hand_written_argument_exceptions_in_converted_folders_name_a_message_and_the_parameter()
    {
        var bare = SourceTree.ConvertedFiles()
            .SelectMany(f => GuardScanner.HandWrittenThrow().Matches(f.Text)
                .Select(m => (f.Path, Type: m.Groups[1].Value, Call: GuardScanner.Calls(f.Text[m.Index..], "new " + m.Groups[1].Value).First(),
                    Line: 1 + f.Text.AsSpan(0, m.Index).Count('\n'))))
            .Where(x => x.Type != "ArgumentException" || x.Call.Arguments.Count < 2)
            .Select(x => $"{x.Path}:{x.Line} throw new {x.Type} with {x.Call.Arguments.Count} arguments")
            .ToList();
        Assert.True(bare.Count == 0, "Use a guard, or throw new ArgumentException(message, nameof(parameter)):\n" + string.Join("\n", bare));
    }

    [Fact]
    public void Hand_written_argument_exceptions_in_converted_folders_are_not_rules_on_one_value()
    {
        var files = SourceTree.ConvertedFiles().ToList();
        var findings = ThrowScanner.Scan(files);

        // The syntax scan sees every throw the text scan sees, so a throw it cannot read is not silently passed.
        Assert.Equal(files.Sum(f => GuardScanner.HandWrittenThrow().Count(GuardScanner.Blank(f.Text))), findings.Count);
        var oneValue = findings.Where(f => f.Verdict == ThrowScanner.Verdict.OneValue).Select(f => f.ToString()).ToList();
        Assert.True(oneValue.Count == 0,
            "A rule on one value with a fixed message is a guard: Guard.Against.InvalidInput(x, nameof(x), valid => ..., message) (CONTRIBUTING, guard table):\n"
            + string.Join("\n", oneValue));
    }

    [Fact]
    public void Throw_scanner_tells_a_rule_on_one_value_from_the_hand_written_rows_of_the_table()
    {
        const string text = """
            public sealed record Shapes(CommandId Id)
            {
                private readonly Dictionary<int, string> _names = [];
                public int Count { get; }

                public CommandId Ternary(CommandId id) => id.IsDefault ? throw new ArgumentException("The id is default.", nameof(id)) : id;

                public void Local(Duration? shift, int[] sizes)
                {
                    var length = shift ?? Duration.FromHours(4);
                    if (length < Duration.FromMinutes(1))
                    {
                        throw new ArgumentException("A shift is at least a minute.", nameof(shift));
                    }

                    foreach (var s in sizes)
                    {
                        if (s < 1)
                        {
                            throw new ArgumentException("Sizes are " + "positive.", nameof(sizes));
                        }
                    }
                }

                public static char Span(ReadOnlySpan<char> digits) =>
                    digits.Length != 17 ? throw new ArgumentException("17 digits.", nameof(digits)) : 'X';

                public void Across(int min, int max, Disposition d, string? reason)
                {
                    if (max < min)
                    {
                        throw new ArgumentException("The maximum is below the minimum.", nameof(max));
                    }

                    var r = d == Disposition.Exempt ? reason : reason is null ? null : throw new ArgumentException("Only an exempt entry has a reason.", nameof(reason));
                }

                public void State(int id)
                {
                    if (id != Count + 1)
                    {
                        throw new ArgumentException("Ids are consecutive.", nameof(id));
                    }
                }

                public string Lookup(int id, object command) =>
                    (_names.GetValueOrDefault(id) ?? throw new ArgumentException("Unknown id.", nameof(id)))
                    + command switch { string s => s, _ => throw new ArgumentException("Unknown command.", nameof(command)) };

                public void Found(int id, ECDsa key, string pem)
                {
                    if (id == 0)
                    {
                        throw new ArgumentException($"Id {id} names nothing.", nameof(id));
                    }

                    if (key.KeySize != 256)
                    {
                        key.Dispose();
                        throw new ArgumentException("The key must be P-256.", nameof(key));
                    }

                    try
                    {
                        key.ImportFromPem(pem);
                    }
                    catch (CryptographicException e)
                    {
                        throw new ArgumentException("Not a key.", nameof(pem), e);
                    }
                }

                public int Constant(int size, IReadOnlyList<int> parts)
                {
                    if (size > Max)
                    {
                        throw new ArgumentException($"{nameof(size)} is at most {Max:N0}.", nameof(size));
                    }

                    long total = 0;
                    foreach (var p in parts)
                    {
                        total += p;
                    }

                    return total <= Max ? (int)total : throw new ArgumentException($"More than {Limits.Max} in all.", nameof(parts));
                }

                public void Taken(int size) => _ = size == Count ? throw new ArgumentException($"{Count} is taken.", nameof(size)) : 0;

                public static T Typed<T>(T value) => value is null ? throw new ArgumentException($"The {typeof(T).Name} is null.", nameof(value)) : value;
            }
            """;

        var found = ThrowScanner.Scan([("Shapes.cs", text)]).Select(f => (f.Line, f.Verdict)).ToList();

        Assert.Equal(
            [
                (6, ThrowScanner.Verdict.OneValue),
                (13, ThrowScanner.Verdict.OneValue),
                (20, ThrowScanner.Verdict.OneValue),
                (26, ThrowScanner.Verdict.Span),
                (32, ThrowScanner.Verdict.AcrossValuesOrState),
                (35, ThrowScanner.Verdict.AcrossValuesOrState),
                (42, ThrowScanner.Verdict.AcrossValuesOrState),
                (47, ThrowScanner.Verdict.LookupOrDispatch),
                (48, ThrowScanner.Verdict.LookupOrDispatch),
                (54, ThrowScanner.Verdict.NamesWhatWasFound),
                (60, ThrowScanner.Verdict.CleanUpOrInner),
                (69, ThrowScanner.Verdict.CleanUpOrInner),
                (77, ThrowScanner.Verdict.OneValue),
                (86, ThrowScanner.Verdict.OneValue),
                (89, ThrowScanner.Verdict.NamesWhatWasFound),
                (91, ThrowScanner.Verdict.NamesWhatWasFound),
            ],
            found);
    }

    [Fact]
    public void Throw_scanner_reads_a_coalesce_after_a_call_on_the_parameter_with_a_fixed_message_as_a_rule_on_one_value()
    {
        const string text = """
            public sealed class Phone
            {
                private readonly Dictionary<string, string> _known = [];
                public Phone(string value) => _ = Normalise(value) ?? throw new ArgumentException($"A phone number is {Min}-{Max} digits.", nameof(value));
                public string Trimmed(string value) => value.Trim() ?? throw new ArgumentException("Not blank.", nameof(value));
                public string Known(string code) => _known.GetValueOrDefault(code) ?? throw new ArgumentException("Unknown code.", nameof(code));
                public string Registered(string code) => Registry.Find(code) ?? throw new ArgumentException("Unknown code.", nameof(code));
                public string Found(string value) => Normalise(value) ?? throw new ArgumentException($"{value.Length} digits.", nameof(value));
                public string Pair(string a, string b) => Join(a, b) ?? throw new ArgumentException("No pair.", nameof(b));
                private static string? Normalise(string value) => value;
            }
            """;

        var found = ThrowScanner.Scan([("Phone.cs", text)]).Select(f => (f.Line, f.Verdict)).ToList();

        Assert.Equal(
            [
                (4, ThrowScanner.Verdict.OneValue),
                (5, ThrowScanner.Verdict.OneValue),
                (6, ThrowScanner.Verdict.LookupOrDispatch),
                (7, ThrowScanner.Verdict.LookupOrDispatch),
                (8, ThrowScanner.Verdict.NamesWhatWasFound),
                (9, ThrowScanner.Verdict.LookupOrDispatch),
            ],
            found);
    }

    [Fact]
    public void Impossible_cases_of_closed_switches_over_stock_commands_throw_unreachable()
    {
        // CONTRIBUTING, guard table, "impossible case in a closed switch": the command records are internal, so an
        // unknown one is a bug, reported one way, never as a caller's ArgumentException.
        var arms = SourceTree.ConvertedFiles()
            .SelectMany(f => f.Text.Split('\n').Select(line => (f.Path, Line: line)))
            .Where(x => x.Line.Contains("Unknown stock command {", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, arms.Count);
        Assert.All(arms, x => Assert.Contains("throw new System.Diagnostics.UnreachableException(", x.Line, StringComparison.Ordinal));
    }

    [Fact]
    public void No_discard_arm_of_a_match_throws_invalid_operation()
    {
        // CONTRIBUTING, guard table, "impossible case in a closed switch": a `_ => throw` arm over cases that all have
        // arms is a bug, so it throws UnreachableException, not InvalidOperationException (an object's state).
        // PassGate's two "the system may record at every gate" arms were the last (v17f). A discard arm over a value
        // that came from outside (a stored enum: StockLedger.State's "Unknown stock command kind") is a caller's input
        // and stays an ArgumentException.
        var arms = SourceTree.LibraryFiles()
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => $"{f.Path}:{i + 1} {line.Trim()}"))
            .Where(x => System.Text.RegularExpressions.Regex.IsMatch(x, @"\b_\s*=>\s*throw new (System\.)?InvalidOperationException\("))
            .ToList();

        Assert.Empty(arms);
    }

    [Fact]
    public void Scanner_counts_top_level_arguments_and_skips_strings_and_comments()
    {
        const string text = """
            // Guard.Against.Expression(x => x, 1, "in a comment")
            var a = Guard.Against.OutOfRange(need, nameof(need), 0, Max(1, 2));
            var b = Guard.Against.OutOfRange(need, nameof(need), 0, 9, $"A need is 0 to {Max(1, 2)} (units, \"each\").");
            var c = Guard.Against.InvalidInput(x, nameof(x), static v => v is { Length: 6 } && v[0] != ',', "Six, no comma first.");
            var d = "Guard.Against.Expression(not code)";
            throw new ArgumentException("Bad (really).", nameof(d));
            """;

        Assert.Empty(GuardScanner.Calls(text, "Guard.Against.Expression"));
        Assert.Empty(GuardScanner.LinesCalling(GuardScanner.Blank(text), "Guard.Against.Expression"));
        Assert.Equal([1], GuardScanner.LinesCalling("ArgumentOutOfRangeException.ThrowIfNegative(x);", "ArgumentOutOfRangeException.ThrowIf"));
        var ranges = GuardScanner.Calls(text, "Guard.Against.OutOfRange").ToList();
        Assert.Equal([4, 5], ranges.Select(r => r.Arguments.Count));
        Assert.Equal([2, 3], ranges.Select(r => r.Line));
        Assert.Equal("Max(1, 2)", ranges[0].Arguments[3]);
        Assert.Equal(4, Assert.Single(GuardScanner.Calls(text, "Guard.Against.InvalidInput")).Arguments.Count);
        Assert.Equal(2, Assert.Single(GuardScanner.Calls(text, "new ArgumentException")).Arguments.Count);
        Assert.Single(GuardScanner.HandWrittenThrow().Matches(text));
    }

    [Fact]
    public void The_roster_engine_guards_nothing_itself()
    {
        // CONTRIBUTING: the engine trusts validated types; the boundary (RosterProblem.CellsOf, RosterProblem.Create) throws.
        var engine = SourceTree.LibraryFiles().Where(f => f.Path.StartsWith("Rostering/Engine/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(engine);
        var found = ThrowScanner.Scan(engine).Select(f => f.ToString())
            .Concat(engine.SelectMany(f => GuardScanner.LinesCalling(GuardScanner.Blank(f.Text), "Guard.Against.").Select(line => $"{f.Path}:{line} Guard.Against")))
            .ToList();
        Assert.True(found.Count == 0, "Check at the public boundary and let the engine report (AssignmentMapper.TryToCells):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Converted_folders_are_exactly_the_library_folders_they_name()
    {
        var library = Path.Combine(SourceTree.Root, "src", "CommunityDomain");
        foreach (var folder in SourceTree.ConvertedFolders)
        {
            Assert.True(Directory.Exists(Path.Combine(library, folder)), $"src/CommunityDomain/{folder} does not exist");
        }

        Assert.Contains(SourceTree.LibraryFiles(), f => f.Path.StartsWith("Rostering/Engine/", StringComparison.Ordinal) && !SourceTree.IsConverted(f.Path));
        Assert.False(SourceTree.IsConverted("Rostering/Engine/ProblemCompiler.cs"));
        Assert.True(SourceTree.IsConverted("Rostering/Demand.cs"));
        Assert.True(SourceTree.IsConverted("Passes/PassGate.cs"));
        Assert.True(SourceTree.IsConverted("Supplies/Ledger/StockLedger.cs"));
        Assert.True(SourceTree.IsConverted("MassTesting/TestingRound.cs"));
        Assert.True(SourceTree.IsConverted("Passes/PassPolicy.cs"));
    }
}
