using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A resident's birth date (given, or read from the ID number) is after the day they are registered on.</summary>
/// <remarks>
/// The birth date itself is part of the ID number, so the error names neither: only the household and the
/// local registration date, which are not personal data of the resident.
/// </remarks>
/// <param name="Household">The household the resident was to join.</param>
/// <param name="RegisteredOn">The registration date, local to the community.</param>
public sealed record BirthDateInFuture(Id<Household> Household, LocalDate RegisteredOn) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.birth-date-in-future";

    /// <inheritdoc />
    protected override string English =>
        $"The birth date of the person registered in {Household} is after the registration date {RegisteredOn:yyyy-MM-dd}; check the ID number or birth date.";

    /// <inheritdoc />
    protected override string Chinese =>
        $"登记到 {Household} 的人员出生日期晚于登记日期 {RegisteredOn:yyyy-MM-dd}，请核对身份证号码或出生日期。";
}
