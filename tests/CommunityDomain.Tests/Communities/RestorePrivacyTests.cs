using CommunityDomain.Communities;
using CommunityDomain.Communities.State;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>No exception raised while restoring state carries a name, an ID number or a phone, nor hides one in an inner exception.</summary>
public sealed class RestorePrivacyTests
{
    private static IEnumerable<string> Secrets(CommunityState state) => state.Residents
        .SelectMany(r => new[] { r.Registration.Name.Value, r.Registration.Document?.Number, r.Registration.Phone?.Value })
        .OfType<string>()
        .Where(s => s.Length > 1);

    private static void AssertNoSecretIn(ArgumentException thrown, CommunityState state)
    {
        // ToString() includes the inner exceptions' messages and types: nothing there either.
        var text = thrown.ToString();
        Assert.All(Secrets(state), secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain("Key:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_one_resident_under_two_ids_names_the_ids_never_the_id_number()
    {
        // The case: the same person stored twice under two ids; the framework's duplicate-key message
        // would have quoted "Key: 1:<full number>".
        var state = CommunityOps.Seeded().ToState();
        var twin = state.Residents[0] with { Id = state.Residents.Count + 1 };
        var bad = state with { Residents = [.. state.Residents, twin] };

        var thrown = Assert.Throws<ArgumentException>(() => Community.Restore(bad, new FakeClock(CommunityOps.T0)));

        Assert.Equal("state", thrown.ParamName);
        Assert.Contains($"Residents 1 and {twin.Id} hold the same identity document", thrown.Message, StringComparison.Ordinal);
        AssertNoSecretIn(thrown, bad);
    }

    [Property(MaxTest = 200)]
    public void Any_corrupted_resident_list_fails_without_personal_data_in_the_exception(int pick, int target, int kind)
    {
        var state = CommunityOps.Seeded().ToState();
        var source = state.Residents[Math.Abs(pick % state.Residents.Count)];
        var corrupted = Math.Abs(kind % 4) switch
        {
            0 => source with { Id = state.Residents.Count + 1 },                         // same person twice
            1 => source with { Id = state.Residents.Count + 1, HouseholdId = target },    // twice, maybe dangling household
            2 => source with { Id = target },                                             // ids out of order
            _ => source with { HouseholdId = 1000 + Math.Abs(target % 50) },             // dangling household
        };
        var bad = state with { Residents = [.. state.Residents, corrupted] };

        try
        {
            _ = Community.Restore(bad, new FakeClock(CommunityOps.T0));
        }
        catch (ArgumentException thrown)
        {
            AssertNoSecretIn(thrown, bad);
            return;
        }

        // Only a genuinely consistent variant may restore: a new id in order, in an existing household, with no document.
        Assert.True(corrupted.Registration.Document is null && corrupted.Id == state.Residents.Count + 1);
    }
}
