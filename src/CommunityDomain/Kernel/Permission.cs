using System.Diagnostics.CodeAnalysis;

namespace CommunityDomain.Kernel;

/// <summary>A kind of command (or of data access) that a role may or may not run; see <see cref="Actor.May(Permission)"/>.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A domain word (what a role may do), unrelated to .NET code access security permissions.")]
public enum Permission
{
    /// <summary>Add compounds, buildings and units.</summary>
    Structure = 1,

    /// <summary>Add duty posts.</summary>
    Posts = 2,

    /// <summary>The register of residents: households, residents, moves, presence, contacts, erasure.</summary>
    Register = 3,

    /// <summary>Issue and lift control orders.</summary>
    ControlOrders = 4,

    /// <summary>Report an incident at a post.</summary>
    ReportIncidents = 5,

    /// <summary>Assign repairs to and resolve incidents.</summary>
    ManageIncidents = 6,

    /// <summary>Issue and revoke passes.</summary>
    Passes = 7,

    /// <summary>Verify passes and record exits and returns.</summary>
    GateRecords = 8,

    /// <summary>Sample in a testing round: scans, door-to-door and individual sampling, away marks, antigen reports.</summary>
    Testing = 9,

    /// <summary>Enter test results.</summary>
    TestResults = 10,

    /// <summary>Stock: receive, allocate, return, write off.</summary>
    Supplies = 11,

    /// <summary>Record deliveries of supplies.</summary>
    Deliveries = 12,

    /// <summary>See residents' clear names, ID numbers and phones (exports of the register). Never implied by a role: granted on its own.</summary>
    PersonalData = 13,

    /// <summary>Export anonymised statistics (no personal data).</summary>
    Statistics = 14,

    /// <summary>Organise testing: start rounds, set up and close sampling sites, exempt residents.</summary>
    TestingRounds = 15,
}
