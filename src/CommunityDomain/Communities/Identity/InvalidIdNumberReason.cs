namespace CommunityDomain.Communities.Identity;

/// <summary>Why a text is not a valid mainland ID number; checks run in this order and the first failing one is reported.</summary>
public enum InvalidIdNumberReason
{
    /// <summary>The text (after trimming) is missing or does not have 18 characters.</summary>
    Length = 1,

    /// <summary>The first 17 characters are not all digits 0-9, or the last is not a digit or X.</summary>
    Characters = 2,

    /// <summary>Characters 7-14 are not a calendar date yyyyMMdd from 1900-01-01 on.</summary>
    BirthDate = 3,

    /// <summary>The last character is not the ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    CheckDigit = 4,
}
