using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>One line of a roster's score: which rule, whom or which post-date it concerns, and how much.</summary>
/// <remarks>
/// Worker rules and wishes name a <see cref="Worker"/>; cover rules name a <see cref="Post"/>, <see cref="Date"/>,
/// <see cref="ShiftCode"/> and, when the demand asks for one, <see cref="Qualification"/> (one post has several shifts a
/// date, so the post and date alone do not say which demand is short); a <see cref="RuleKind.MaxShiftsOfCode"/> line names
/// its worker and <see cref="ShiftCode"/>; fairness names none (it belongs to a group).
/// </remarks>
public sealed record ScoreItem
{
    [JsonConstructor]
    internal ScoreItem(RuleKind rule, Id<Worker>? worker, Id<Post>? post, LocalDate? date, int hard, long soft, string description,
        string? shiftCode = null, string? qualification = null)
    {
        Rule = rule;
        Worker = worker;
        Post = post;
        Date = date;
        Hard = hard;
        Soft = soft;
        Description = description;
        // A stored document builds no line the scoring would not write: a named shift or qualification is not blank and
        // belongs to a rule that has one.
        if (shiftCode is not null)
        {
            Guard.Against.Blank(shiftCode);
            if (!IsCover(rule) && rule != RuleKind.MaxShiftsOfCode)
            {
                throw new ArgumentException("Only a cover line or a MaxShiftsOfCode line names a shift.", nameof(shiftCode));
            }
        }

        if (qualification is not null)
        {
            Guard.Against.Blank(qualification);
            if (!IsCover(rule))
            {
                throw new ArgumentException("Only a cover line names a qualification.", nameof(qualification));
            }
        }

        ShiftCode = shiftCode;
        Qualification = qualification;
    }

    /// <summary>The rule.</summary>
    public RuleKind Rule { get; }

    /// <summary>The worker concerned, or null.</summary>
    public Id<Worker>? Worker { get; }

    /// <summary>The post concerned, or null.</summary>
    public Id<Post>? Post { get; }

    /// <summary>The date concerned, or null when the rule spans the horizon.</summary>
    public LocalDate? Date { get; }

    /// <summary>A cover line's shift (<see cref="Demand.ShiftCode"/>) or the shift a <see cref="RuleKind.MaxShiftsOfCode"/> line counts; else null.</summary>
    public string? ShiftCode { get; }

    /// <summary>The qualification a cover line's demand asks for (<see cref="Demand.Qualification"/>), or null.</summary>
    public string? Qualification { get; }

    /// <summary>Hard violation amount.</summary>
    public int Hard { get; }

    /// <summary>Soft penalty.</summary>
    public long Soft { get; }

    /// <summary>A readable English sentence.</summary>
    public string Description { get; }

    /// <summary>The description.</summary>
    public override string ToString() => Description;

    private static bool IsCover(RuleKind rule) => rule is RuleKind.CoverMinimum or RuleKind.CoverMaximum or RuleKind.CoverUnder or RuleKind.CoverOver;
}
