using System.Text.Json.Nodes;
using CommunityDomain.Contracts;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Tests.Contracts;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// The storing promise of <see cref="TestingSeries.ToState"/> and <see cref="TestingSeries.Restore"/>: a rebuilt series
/// equals the original in state and in every query, judges every later command alike, survives its JSON contract,
/// and a damaged state is rejected naming the member at fault, or restores to a series that is itself consistent.
/// </summary>
[Properties(Arbitrary = [typeof(RoundScriptArbitraries)], MaxTest = 100)]
public sealed class TestingStateProperties
{
    [Property]
    public void A_restored_series_equals_the_original_and_judges_every_later_command_alike(RoundOp[] before, RoundOp[] after, PositiveInt seed)
    {
        var (fixture, round) = RoundProperties.Setup(seed.Get % 50);
        foreach (var op in before)
        {
            _ = op.Apply(fixture, round);
        }

        var original = fixture.Series;
        _ = original.DequeueEvents();
        _ = round.DequeueEvents();
        var restored = TestingSeries.Restore(original.ToState(), fixture.Clock);
        var copy = restored.Rounds[0];
        TestingSamples.AssertSameQueries(original, restored);
        Assert.Empty(restored.PendingEvents);
        Assert.Empty(copy.PendingEvents);

        foreach (var op in after)
        {
            if (op.Kind is 7 or 9)
            {
                // Not a round command (the clock moves, or a resident moves house in the community): once for both.
                _ = op.Apply(fixture, round);
                continue;
            }

            Assert.Equal(op.Apply(fixture, round), op.Apply(fixture, copy));
            Assert.Equal(round.ToState(), copy.ToState());
            Assert.True(DeepEquality.Difference(round.DequeueEvents().ToList(), copy.DequeueEvents().ToList()) is null, op.ToString());
        }

        TestingSamples.AssertSameQueries(round, copy);
    }

    [Property(MaxTest = 60)]
    public void A_series_state_survives_json_and_restores_to_an_equal_series(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = RoundProperties.Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
        }

        var json = CommunityJson.Write(fixture.Series.ToState());
        var read = CommunityJson.Read<TestingSeriesState>(json);

        Assert.True(read.IsT0, $"{read.Value}\n{json}");
        Assert.Null(DeepEquality.Difference(fixture.Series.ToState(), read.AsT0));
        TestingSamples.AssertSameQueries(fixture.Series, TestingSeries.Restore(read.AsT0, fixture.Clock));
    }

    /// <summary>
    /// Damaged documents of every testing contract: a number nudged, zeroed or negated, a text or instant changed, a
    /// member nulled, a list item dropped, repeated or swapped. Reading gives a value or an error; a value restores to a
    /// consistent series (it stores and restores again unchanged and answers every query) or is rejected with an
    /// <see cref="ArgumentException"/> naming the member's path, never another exception and never a name or reason.
    /// </summary>
    [Property(MaxTest = 300)]
    public void A_damaged_state_restores_consistently_or_is_rejected_naming_the_member(RoundOp[] ops, PositiveInt seed, NonNegativeInt where, NonNegativeInt how)
    {
        var (fixture, round) = RoundProperties.Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
        }

        var state = fixture.Series.ToState();
        var node = JsonNode.Parse(CommunityJson.Write(state))!;
        Mutate(node["data"]!, where.Get, how.Get);
        var read = CommunityJson.Read<TestingSeriesState>(node.ToJsonString());
        if (read.IsT1)
        {
            return;
        }

        TestingSeries restored;
        try
        {
            restored = TestingSeries.Restore(read.AsT0, fixture.Clock);
        }
        catch (ArgumentException e)
        {
            Assert.StartsWith("state", e.ParamName, StringComparison.Ordinal);
            Assert.Contains(e.ParamName!, e.Message, StringComparison.Ordinal);
            foreach (var entry in round.MustTest.Entries)
            {
                Assert.DoesNotContain(entry.MaskedName, e.Message, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("hospitalised", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hotel", e.Message, StringComparison.Ordinal);
            return;
        }

        var again = TestingSeries.Restore(restored.ToState(), fixture.Clock);
        Assert.Equal(read.AsT0, restored.ToState());
        TestingSamples.AssertSameQueries(restored, again);
    }

    /// <summary>Picks the <paramref name="where"/>-th node (modulo their count) and damages it in the <paramref name="how"/>-th way.</summary>
    internal static void Mutate(JsonNode data, int where, int how)
    {
        var nodes = new List<JsonNode>();
        Collect(data, nodes);
        var target = nodes[where % nodes.Count];
        var parent = target.Parent!;
        switch (target)
        {
            case JsonArray array when array.Count > 0 && how % 3 == 0:
                array.RemoveAt(how / 3 % array.Count);
                return;
            case JsonArray array when array.Count > 0 && how % 3 == 1:
                array.Add(array[how / 3 % array.Count]!.DeepClone());
                return;
            case JsonArray array when array.Count > 1:
                var i = how / 3 % array.Count;
                var j = (i + 1) % array.Count;
                var a = array[i]!.DeepClone();
                array[i] = array[j]!.DeepClone();
                array[j] = a;
                return;
            case JsonValue value when value.TryGetValue(out long number):
                Replace(parent, target, (how % 6) switch
                {
                    0 => JsonValue.Create(number + 1),
                    1 => JsonValue.Create(number - 1),
                    2 => JsonValue.Create(0),
                    3 => JsonValue.Create(-number),
                    4 => JsonValue.Create(int.MaxValue),
                    _ => null,
                });
                return;
            case JsonValue value when value.TryGetValue(out string? text):
                Replace(parent, target, (how % 5) switch
                {
                    0 => JsonValue.Create(text + " "),
                    1 => JsonValue.Create(string.Empty),
                    2 => JsonValue.Create(text.Length > 1 ? text[..^1] : "x"),
                    3 => JsonValue.Create("2022-08-19T21:00:00Z"),
                    _ => null,
                });
                return;
            case JsonValue value when value.TryGetValue(out bool flag):
                Replace(parent, target, how % 2 == 0 ? JsonValue.Create(!flag) : null);
                return;
            default:
                Replace(parent, target, null);
                return;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? with)
    {
        if (parent is JsonObject obj)
        {
            obj[target.GetPropertyName()] = with;
        }
        else if (parent is JsonArray array)
        {
            array[target.GetElementIndex()] = with;
        }
    }
}
