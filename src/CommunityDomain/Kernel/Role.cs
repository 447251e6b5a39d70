namespace CommunityDomain.Kernel;

/// <summary>What an <see cref="Actor"/> does in the community; decides which commands it may run (see <see cref="Permission"/>).</summary>
/// <remarks>
/// <c>default(Role)</c> is <see cref="System"/>, the host acting on its own, which may do everything. Which
/// role may do what is listed on <see cref="Actor.May(Permission)"/>.
/// </remarks>
public enum Role
{
    /// <summary>The host system itself (<see cref="Actor.System"/>): every permission.</summary>
    System = 0,

    /// <summary>Community office staff (社区工作人员): every command except seeing personal data.</summary>
    Office = 1,

    /// <summary>A compound head (小区主任): posts, incidents, passes, gate records, deliveries and organising testing (sites, exemptions) in their compound.</summary>
    CompoundHead = 2,

    /// <summary>Gate duty staff or volunteers (门岗执勤): record exits and returns, report incidents at their gate.</summary>
    GateDuty = 3,

    /// <summary>A delivery volunteer: their own deliveries, nothing else.</summary>
    DeliveryVolunteer = 4,

    /// <summary>Testing staff at a sampling site: scans, door-to-door and individual sampling, away marks, antigen reports.</summary>
    TestingStaff = 5,

    /// <summary>The laboratory: test results only.</summary>
    Lab = 6,

    /// <summary>A gate device (scanner): records exits and returns only.</summary>
    GateDevice = 7,

    /// <summary>A stock keeper (库管员) of the community's supplies: receives, allocates, takes back and writes off stock; delivers nothing.</summary>
    StockKeeper = 8,
}
