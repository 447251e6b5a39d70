
namespace CommunityDomain.Kernel;

/// <summary>Who issued a command: an account with a <see cref="Kernel.Role"/> over an <see cref="Kernel.Area"/>, or the host system.</summary>
/// <remarks>
/// <para>An actor is an account name chosen by the host (e.g. <c>"office.wang"</c>), never a resident's
/// personal data. <c>default(Actor)</c> is <see cref="System"/>, the host acting on its own, which may do
/// everything (host code that runs without a person behind it).</para>
/// <para>An actor made from an account name alone (<see cref="Actor(string)"/>, <see cref="Of"/>) is community
/// office staff over the whole community: before roles existed every account could run every command, and
/// the office is the role that ran them, so existing hosts keep working; they narrow actors by creating them
/// with a role and area. Seeing residents' clear personal data is never implied by a role: it is granted
/// with <see cref="WithPersonalData"/>.</para>
/// <para>Which role may do what (<see cref="May(Permission)"/>): the office everything except personal data;
/// a compound head posts, incidents, passes, gate records, deliveries and organising testing; gate duty gate
/// records and incident reports; a gate device gate records; a delivery volunteer deliveries; testing staff
/// sampling; the lab test results; a stock keeper stock. The full table (command x role) is in docs/security.md. Each command also checks that its target lies inside <see cref="Area"/>.</para>
/// </remarks>
public readonly record struct Actor
{
    private readonly Role _role;
    private readonly bool _personalData;

    /// <summary>Creates a community office actor over the whole community from an account name.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="account"/> is null or blank.</exception>
    public Actor(string account)
        : this(account, Role.Office, Area.WholeCommunity)
    {
    }

    /// <summary>Creates an actor with a role over an area.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <param name="role">The role; not <see cref="Role.System"/> (that is <see cref="System"/>).</param>
    /// <param name="area">The area it acts for.</param>
    /// <param name="personalData">True to grant <see cref="Permission.PersonalData"/> (clear names, ID numbers, phones).</param>
    /// <exception cref="ArgumentException">A blank account, an unknown role or <see cref="Role.System"/>.</exception>
    public Actor(string account, Role role, Area area, bool personalData = false)
    {
        AccountOrNull = Guard.Against.Blank(account).Trim();
        _role = Guard.Against.InvalidInput(Guard.Against.EnumOutOfRange(role), nameof(role), static r => r != Role.System,
            "Only Actor.System has the system role.");
        Area = area;
        _personalData = personalData;
    }

    private string? AccountOrNull { get; }

    /// <summary>The host system acting on its own (also <c>default(Actor)</c>); every permission.</summary>
    public static Actor System => default;

    /// <summary>The account name, or <c>"system"</c> for <see cref="System"/>.</summary>
    public string Account => AccountOrNull ?? "system";

    /// <summary>The role (<see cref="Role.System"/> for <see cref="System"/>).</summary>
    public Role Role => _role;

    /// <summary>The area the actor acts for.</summary>
    public Area Area { get; }

    /// <summary>True when the actor was granted <see cref="Permission.PersonalData"/> (always for <see cref="System"/>).</summary>
    public bool HasPersonalData => AccountOrNull is null || _personalData;

    /// <summary>Creates a community office actor over the whole community from an account name.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <returns>The actor.</returns>
    public static Actor Of(string account) => new(account);

    /// <summary>Community office staff over the whole community.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <returns>The actor.</returns>
    public static Actor Office(string account) => new(account, Role.Office, Area.WholeCommunity);

    /// <summary>The head of one compound.</summary>
    /// <param name="account">The account name; not blank.</param>
    /// <param name="compound">The compound's area (e.g. <c>dongfang.Area</c>).</param>
    /// <returns>The actor.</returns>
    public static Actor CompoundHead(string account, Area compound) => new(account, Role.CompoundHead, compound);

    /// <summary>The same actor with <see cref="Permission.PersonalData"/> granted.</summary>
    /// <returns>The actor.</returns>
    public Actor WithPersonalData() => AccountOrNull is null ? this : new(AccountOrNull, _role, Area, personalData: true);

    /// <summary>True when the actor's role may run commands needing <paramref name="permission"/> (somewhere in its area).</summary>
    /// <param name="permission">The permission.</param>
    /// <returns>Whether the role has it.</returns>
    public bool May(Permission permission) => permission == Permission.PersonalData
        ? HasPersonalData
        : _role switch
        {
            Role.System or Role.Office => true,
            Role.CompoundHead => permission is Permission.Posts or Permission.ReportIncidents or Permission.ManageIncidents
                or Permission.Passes or Permission.GateRecords or Permission.Deliveries or Permission.TestingRounds,
            Role.GateDuty => permission is Permission.GateRecords or Permission.ReportIncidents,
            Role.GateDevice => permission is Permission.GateRecords,
            Role.DeliveryVolunteer => permission is Permission.Deliveries,
            Role.TestingStaff => permission is Permission.Testing,
            Role.Lab => permission is Permission.TestResults,
            Role.StockKeeper => permission is Permission.Supplies,
            _ => false,
        };

    /// <summary>
    /// Checks a command: null when the actor may run it at the place (given by its compound and building id
    /// values), else the error to return.
    /// </summary>
    /// <param name="permission">The permission the command needs.</param>
    /// <param name="compound">The target's compound id value; null when the target is the whole community.</param>
    /// <param name="building">The target's building id value; null when the target is a compound or wider.</param>
    /// <returns>Null when permitted, otherwise <see cref="NotPermitted"/>.</returns>
    public NotPermitted? Check(Permission permission, int? compound = null, int? building = null) =>
        !May(permission) ? new NotPermitted(Account, _role, Area, permission, OutsideArea: false)
        : !Area.Covers(compound, building) ? new NotPermitted(Account, _role, Area, permission, OutsideArea: true)
        : null;

    /// <summary>The account name.</summary>
    public override string ToString() => Account;
}
