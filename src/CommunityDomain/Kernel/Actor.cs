
namespace CommunityDomain.Kernel;

/// <summary>Who issued a command: a staff account, a volunteer's account or the host system.</summary>
/// <remarks>
/// An actor is an account name chosen by the host (e.g. <c>"office.wang"</c>), never a resident's
/// personal data. <c>default(Actor)</c> is <see cref="System"/>, the host acting on its own.
/// </remarks>
public readonly record struct Actor
{
    /// <summary>Creates an actor from an account name.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="account"/> is null or blank.</exception>
    public Actor(string account) => AccountOrNull = Guard.Against.NullOrWhiteSpace(account).Trim();

    private string? AccountOrNull { get; }

    /// <summary>The host system acting on its own (also <c>default(Actor)</c>).</summary>
    public static Actor System => default;

    /// <summary>The account name, or <c>"system"</c> for <see cref="System"/>.</summary>
    public string Account => AccountOrNull ?? "system";

    /// <summary>Creates an actor from an account name.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <returns>The actor.</returns>
    public static Actor Of(string account) => new(account);

    /// <summary>The account name.</summary>
    public override string ToString() => Account;
}
