namespace CommunityDomain.Rostering;

/// <summary>Who a worker is; work rules and fairness groups can differ by kind.</summary>
public enum WorkerKind
{
    /// <summary>Community office staff.</summary>
    Staff,

    /// <summary>A party-member volunteer sent down to the compound where they live.</summary>
    PartyMemberVolunteer,

    /// <summary>A youth-league volunteer.</summary>
    YouthLeagueVolunteer,

    /// <summary>A resident who volunteers in their own compound.</summary>
    ResidentVolunteer,

    /// <summary>A medical worker (e.g. a swab sampler).</summary>
    Medical,
}
