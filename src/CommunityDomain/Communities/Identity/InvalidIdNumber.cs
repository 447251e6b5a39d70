using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Identity;

/// <summary>A text that is not a valid 18-character mainland ID number, and why.</summary>
/// <remarks>The error never holds the rejected text: only the <see cref="Reason"/>.</remarks>
public sealed record InvalidIdNumber : DomainError
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Why the number was rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not a defined value.</exception>
    public InvalidIdNumber(InvalidIdNumberReason reason) => Reason = Guard.Against.EnumOutOfRange(reason);

    /// <summary>Why the number was rejected.</summary>
    public InvalidIdNumberReason Reason { get; }

    /// <inheritdoc />
    public override string Code => "identity.invalid-id-number";

    /// <inheritdoc />
    protected override string English => Reason switch
    {
        InvalidIdNumberReason.Length => "The ID number must have 18 characters.",
        InvalidIdNumberReason.Characters => "The ID number must be 17 digits followed by a digit or X.",
        InvalidIdNumberReason.BirthDate => "The ID number has an invalid birth date.",
        _ => "The ID number has an invalid check character.",
    };

    /// <inheritdoc />
    protected override string Chinese => Reason switch
    {
        InvalidIdNumberReason.Length => "身份证号码必须为18位。",
        InvalidIdNumberReason.Characters => "身份证号码应为17位数字加1位数字或X。",
        InvalidIdNumberReason.BirthDate => "身份证号码中的出生日期无效。",
        _ => "身份证号码的校验码错误。",
    };
}
