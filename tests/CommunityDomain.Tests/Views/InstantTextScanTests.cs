using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// No text a person reads holds a bare UTC instant, for every type at once (issue 12 remainder). How the types are
/// enumerated: reflection over the library's exported types, keeping each whose <c>ToString</c> is overridden (by
/// itself or a base such as <see cref="DomainError"/>) and that can hold an <see cref="Instant"/> or
/// <see cref="NodaTime.Interval"/> in a field, directly or through a field of another library type (two levels), plus the
/// display methods that print instants (<see cref="DomainError.MessageIn"/> in both languages,
/// <see cref="DeliveryRun.Sheet"/>). Each such type is fabricated without its constructor (its guards are not what is
/// tested here): every instant field gets a generated instant, every interval one starting there, every zone Asia/Shanghai,
/// strings and lists something harmless; then its text is checked. Records whose <c>ToString</c> is the compiler's member
/// dump (events, stored state) are data, not display text: they are listed, so a new one shows here, and not checked.
/// </summary>
public sealed partial class InstantTextScanTests
{
    private static readonly Assembly Library = typeof(Labels).Assembly;
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z|\b\d\d:\d\d(:\d\d)?Z\b")]
    private static partial Regex BareUtc();

    private static bool HoldsInstant(Type type, int depth, HashSet<Type> seen)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Instant) || t == typeof(NodaTime.Interval))
        {
            return true;
        }

        if (depth == 0 || !seen.Add(t) || t.IsPrimitive || t == typeof(string) || t.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true)
        {
            return false;
        }

        if (t.IsArray)
        {
            return HoldsInstant(t.GetElementType()!, depth, seen);
        }

        if (t.IsGenericType && t.GetGenericArguments().Any(a => HoldsInstant(a, depth, seen)))
        {
            return true;
        }

        return t.Assembly == Library && Fields(t).Any(f => HoldsInstant(f.FieldType, depth - 1, seen));
    }

    private static IEnumerable<FieldInfo> Fields(Type t)
    {
        for (var c = t; c is not null && c != typeof(object); c = c.BaseType)
        {
            foreach (var f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return f;
            }
        }
    }

    /// <summary>
    /// Exported types with an overridden ToString that can hold an instant, and whether that ToString is the compiler's
    /// member dump of a record (told by what it prints, "Name { Member = ... }", as the attribute is not reliable on records
    /// that derive from another record).
    /// </summary>
    internal static IReadOnlyList<(Type Type, bool CompilerDump)> Scanned() =>
    [
        .. Library.GetExportedTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && !t.IsEnum && !t.IsInterface)
            .Where(t => t.GetMethod(nameof(ToString), Type.EmptyTypes) is { } m && m.DeclaringType != typeof(object) && m.DeclaringType != typeof(ValueType))
            .Where(t => HoldsInstant(t, 2, []))
            .Select(t => (t, IsDump(t)))
            .OrderBy(x => x.t.FullName, StringComparer.Ordinal),
    ];

    private static bool IsDump(Type t)
    {
        try
        {
            return t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(System.Text.StringBuilder)]) is not null
                && Fabricate(t, Instant.FromUtc(2022, 8, 18, 0, 0), 2).ToString()!.StartsWith(t.Name + " { ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    // An object of the type with every field filled from the instant: instants, intervals from it, the Shanghai zone, short
    // strings, empty lists and arrays, and nested library objects filled the same way (two levels).
    private static object Fabricate(Type t, Instant at, int depth)
    {
        var o = RuntimeHelpers.GetUninitializedObject(t);
        foreach (var f in Fields(t))
        {
            var value = Fill(f.FieldType, at, depth);
            if (value is not null)
            {
                f.SetValue(o, value);
            }
        }

        return o;
    }

    private static object? Fill(Type type, Instant at, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Instant))
        {
            return at;
        }

        if (t == typeof(NodaTime.Interval))
        {
            return new NodaTime.Interval(at, at.Plus(Duration.FromMinutes(95)));
        }

        if (t == typeof(DateTimeZone))
        {
            return Shanghai;
        }

        if (t == typeof(string))
        {
            return "x";
        }

        if (t.IsArray)
        {
            return Array.CreateInstance(t.GetElementType()!, 0);
        }

        if (t.IsGenericType && t.GetGenericArguments() is [var element] && t.IsAssignableFrom(Array.CreateInstance(element, 0).GetType()))
        {
            return Array.CreateInstance(element, 0);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(HashSet<>) || g == typeof(Dictionary<,>)))
        {
            return Activator.CreateInstance(t);
        }

        return depth > 0 && t.Assembly == Library && t.IsClass && !t.IsAbstract ? Fabricate(t, at, depth - 1) : null;
    }

    private static IEnumerable<string> Texts(object o)
    {
        yield return o.ToString()!;
        if (o is DomainError e)
        {
            yield return e.MessageIn(CultureInfo.GetCultureInfo("en"));
            yield return e.MessageIn(CultureInfo.GetCultureInfo("zh-CN"));
        }

        if (o is DeliveryRun run)
        {
            yield return run.Sheet();
        }
    }

    [Fact]
    public void The_scan_finds_the_types_the_verifier_named_and_the_display_texts_already_covered()
    {
        var found = Scanned().Where(x => !x.CompilerDump).Select(x => x.Type.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var named in new[]
        {
            "WavePlan", "StationSizing", "MustTestListState", "IncidentLowersDemand", "IncidentRaisesDemand", "DeliveryRun", "PassContent", "WaveCall",
            "CommunityStatistics", "ControlOrder", "Incident", "QuotaUsed", "OrderAlreadyEnded",
            // Printed their members until they got a text of their own (PlainRecordTextTests): now scanned like any text.
            "ControlOrderRequest", "AntigenReport", "ClosedSite", "MissingResident", "SitePlan", "SiteReplay", "WaveService", "Resample", "PassRequest",
        })
        {
            Assert.Contains(named, found);
        }
    }

    [Property(MaxTest = 60)]
    public bool No_hand_written_text_of_any_type_holding_an_instant_shows_it_as_bare_utc(int minutes, int seconds)
    {
        var at = Instant.FromUtc(2022, 8, 17, 16, 0).Plus(Duration.FromMinutes(minutes % 500_000)).Plus(Duration.FromSeconds(Math.Abs(seconds % 60)));
        var failures = new List<string>();
        foreach (var (type, _) in Scanned().Where(x => !x.CompilerDump))
        {
            string[] texts;
            try
            {
                texts = [.. Texts(Fabricate(type, at, 2))];
            }
            catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException or TargetInvocationException or KeyNotFoundException or IndexOutOfRangeException)
            {
                failures.Add($"{type.Name}: could not be fabricated ({e.GetType().Name}: {e.Message})");
                continue;
            }

            failures.AddRange(texts.Where(t => BareUtc().IsMatch(t)).Select(t => $"{type.Name}: {t}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return true;
    }

    [Fact]
    public void Compiler_member_dumps_that_hold_instants_are_the_known_data_records()
    {
        // Events and stored state print their members (Instant.ToString is ISO UTC) - storage-facing data, never shown
        // to a person by the library. A new one fails here: give it a ToString with LocalTimeText if people read it.
        var dumps = Scanned().Where(x => x.CompilerDump).Select(x => x.Type.FullName!).ToList();
        var known = File.ReadAllLines(Path.Combine(Conventions.SourceTree.Root, "tests", "CommunityDomain.Tests", "Views", "InstantDataRecords.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(known.SequenceEqual(dumps, StringComparer.Ordinal),
            "The compiler-dump records holding instants differ from InstantDataRecords.txt; now:\n" + string.Join("\n", dumps));
        // Only storage data may keep the dump (the reason is in the list's header and docs/views.md): an event or stored
        // state. A request, a planner's result or a list entry a person acts on gets a hand-written ToString instead.
        var notStorage = known.Where(n => !n.Contains(".Events.", StringComparison.Ordinal) && !n.Contains(".State.", StringComparison.Ordinal)).ToList();
        Assert.True(notStorage.Count == 0, "Listed as data but neither an event nor stored state: " + string.Join(", ", notStorage));
    }

    [Fact]
    public void The_check_catches_a_bare_utc_instant_and_passes_local_and_said_utc()
    {
        Assert.Matches(BareUtc(), "finish 2022-08-18T05:00:00Z");
        Assert.Matches(BareUtc(), "window 23:30Z");
        Assert.DoesNotMatch(BareUtc(), "finish 2022-08-18 05:00 UTC");
        Assert.DoesNotMatch(BareUtc(), "from 2022-08-18 13:00 (Asia/Shanghai)");
    }
}
