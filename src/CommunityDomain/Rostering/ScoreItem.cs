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
        Validate(rule, worker, post, date, hard, soft, shiftCode, qualification);
        Rule = rule;
        Worker = worker;
        Post = post;
        Date = date;
        Hard = hard;
        Soft = soft;
        Description = description;
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

    // A stored document builds no line the scoring would not write: a cover line names a post and date and no worker;
    // fairness names nothing; every other line a worker and no post (a MaxShiftsOfCode line no date); a named shift or
    // qualification is not blank and belongs to a rule that has one; a hard rule has no soft amount and a soft one no hard.
    private static void Validate(RuleKind rule, Id<Worker>? worker, Id<Post>? post, LocalDate? date, int hard, long soft, string? shiftCode, string? qualification)
    {
        var cover = IsCover(rule);
        var fairness = rule == RuleKind.Fairness;
        var (name, wrong) =
            !Enum.IsDefined(rule) ? (nameof(rule), "an unknown rule")
            : worker is not null == (cover || fairness) ? (nameof(worker), cover || fairness ? "a worker on a cover or fairness line" : "no worker on a worker's line")
            : post is not null != cover ? (nameof(post), cover ? "no post on a cover line" : "a post on a line that is not about cover")
            : (cover && date is null) || (date is not null && (fairness || rule == RuleKind.MaxShiftsOfCode)) ? (nameof(date), "a date where the rule has none, or none where it has one")
            : hard < 0 || (hard > 0 && IsSoft(rule)) ? (nameof(hard), "a hard amount below zero or on a soft rule")
            : soft < 0 || (soft > 0 && !IsSoft(rule)) ? (nameof(soft), "a soft amount below zero or on a hard rule")
            : shiftCode is not null && (TextGuard.IsBlank(shiftCode) || !(cover || rule == RuleKind.MaxShiftsOfCode)) ? (nameof(shiftCode), "a blank shift, or a shift on a rule that names none")
            : qualification is not null && (TextGuard.IsBlank(qualification) || !cover) ? (nameof(qualification), "a blank qualification, or one on a line that is not about cover")
            : (null, null);
        if (name is not null)
        {
            throw new ArgumentException($"A {rule} score line with {wrong} is not one the scoring writes.", name);
        }
    }

    private static bool IsSoft(RuleKind rule) =>
        rule is RuleKind.CoverUnder or RuleKind.CoverOver or RuleKind.ShiftOnWish or RuleKind.ShiftOffWish or RuleKind.OwnCompound or RuleKind.Fairness;

    private static bool IsCover(RuleKind rule) => rule is RuleKind.CoverMinimum or RuleKind.CoverMaximum or RuleKind.CoverUnder or RuleKind.CoverOver;
}
