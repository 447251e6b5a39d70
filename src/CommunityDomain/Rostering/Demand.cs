using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>
/// A post's need for people on one shift of one date, optionally with a qualification: the
/// <see cref="Required"/> count is soft (penalties per person under and over), the
/// <see cref="Minimum"/> and <see cref="Maximum"/> are hard.
/// </summary>
/// <remarks>
/// A problem holds at most one demand per post, date, shift code and qualification; a worker assigned
/// to it counts towards it only. <see cref="Minimum"/> &lt;= <see cref="Required"/> &lt;=
/// <see cref="Maximum"/>. Nobody is placed beyond <see cref="Required"/> unless a maximum above it
/// allows extra people (each costing <see cref="OverWeight"/>); a roster that keeps every hard rule never exceeds the
/// maximum, which only pins or <see cref="NoFeasibleRoster.Best"/> (trading one hard point for more) can.
/// The constructor is the one way to make a demand (issue 17): it takes the post's id and its compound's id, so a
/// demand can be built from a community's <see cref="Communities.Post"/> (<c>new Demand(post.Id, post.CompoundId, ...)</c>)
/// or from an imported instance that has no community. A compound typed wrongly is caught where it matters:
/// <see cref="RosterProblem.Create"/> given the community rejects a demand whose compound is not its post's.
/// </remarks>
public sealed class Demand
{
    /// <summary>Creates a demand.</summary>
    /// <param name="post">The post that needs people.</param>
    /// <param name="compound">The compound the post belongs to.</param>
    /// <param name="date">The date the shift starts.</param>
    /// <param name="shiftCode">The shift's code.</param>
    /// <param name="required">The preferred number of people; zero or more.</param>
    /// <param name="underWeight">Penalty per person missing below <paramref name="required"/>; zero or more.</param>
    /// <param name="overWeight">Penalty per person beyond <paramref name="required"/>; zero or more.</param>
    /// <param name="minimum">A hard minimum number of people, at most <paramref name="required"/>; none when null.</param>
    /// <param name="qualification">The qualification each person needs; none when null.</param>
    /// <param name="maximum">The most people the post can use, at least <paramref name="required"/>; when null, exactly <paramref name="required"/>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public Demand(
        Id<Post> post,
        Id<Compound> compound,
        LocalDate date,
        string shiftCode,
        int required,
        int underWeight = 100,
        int overWeight = 1,
        int? minimum = null,
        string? qualification = null,
        int? maximum = null)
    {
        Post = Guard.Against.DefaultId(post);
        Compound = Guard.Against.DefaultId(compound);
        Date = date;
        ShiftCode = Guard.Against.Blank(shiftCode);
        Required = Guard.Against.Negative(required);
        UnderWeight = Guard.Against.Negative(underWeight);
        OverWeight = Guard.Against.Negative(overWeight);
        if (minimum is { } min)
        {
            Guard.Against.Negative(min, nameof(minimum));
            if (min > required)
            {
                throw new ArgumentException("A demand's minimum may not exceed its required count.", nameof(minimum));
            }
        }

        Minimum = minimum;
        if (maximum < required)
        {
            throw new ArgumentException("A demand's maximum may not be below its required count.", nameof(maximum));
        }

        Maximum = maximum;
        Qualification = qualification is null ? null : Guard.Against.Blank(qualification);
    }

    /// <summary>The post that needs people.</summary>
    public Id<Post> Post { get; }

    /// <summary>The compound the post belongs to.</summary>
    public Id<Compound> Compound { get; }

    /// <summary>The date the shift starts.</summary>
    public LocalDate Date { get; }

    /// <summary>The shift's code.</summary>
    public string ShiftCode { get; }

    /// <summary>The preferred number of people.</summary>
    public int Required { get; }

    /// <summary>Penalty per person below <see cref="Required"/>.</summary>
    public int UnderWeight { get; }

    /// <summary>Penalty per person above <see cref="Required"/>.</summary>
    public int OverWeight { get; }

    /// <summary>The hard minimum, or null.</summary>
    public int? Minimum { get; }

    /// <summary>The most people the post can use, or null for exactly <see cref="Required"/>.</summary>
    public int? Maximum { get; }

    /// <summary>The hard maximum in force: <see cref="Maximum"/>, else <see cref="Required"/>.</summary>
    internal int MaximumOrRequired => Maximum ?? Required;

    /// <summary>The qualification each person needs, or null.</summary>
    public string? Qualification { get; }

    /// <summary>Post, date, shift, qualification and counts.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Post} {Date:yyyy-MM-dd} {ShiftCode}{(Qualification is null ? "" : "/" + Qualification)} x{Required}{(Minimum is { } m ? $" (min {m})" : "")}{(Maximum is { } x ? $" (max {x})" : "")}");
}
