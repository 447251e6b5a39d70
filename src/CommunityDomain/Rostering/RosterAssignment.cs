using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>One worker on one shift of one date at one post (and for one qualification when the demand names one).</summary>
/// <remarks>Used for pinned assignments and for a roster's result. <c>default</c> names no worker and is rejected.</remarks>
public readonly record struct RosterAssignment
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The date the shift starts.</param>
    /// <param name="post">The post.</param>
    /// <param name="shiftCode">The shift code.</param>
    /// <param name="qualification">The demand's qualification, or null when the demand names none.</param>
    /// <exception cref="ArgumentException">An id is default or the code is blank.</exception>
    [JsonConstructor]
    public RosterAssignment(Id<Worker> worker, LocalDate date, Id<Post> post, string shiftCode, string? qualification = null)
    {
        Worker = Guard.Against.DefaultId(worker);
        Date = date;
        Post = Guard.Against.DefaultId(post);
        ShiftCode = Guard.Against.Blank(shiftCode);
        Qualification = qualification;
    }

    /// <summary>The worker.</summary>
    public Id<Worker> Worker { get; }

    /// <summary>The date the shift starts.</summary>
    public LocalDate Date { get; }

    /// <summary>The post.</summary>
    public Id<Post> Post { get; }

    /// <summary>The shift code.</summary>
    public string ShiftCode { get; }

    /// <summary>The demand's qualification, or null.</summary>
    public string? Qualification { get; }

    /// <summary>E.g. <c>Worker#3 2024-01-05 N at Post#1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Worker} {Date:yyyy-MM-dd} {ShiftCode}{(Qualification is null ? "" : "/" + Qualification)} at {Post}");
}
