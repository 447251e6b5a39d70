using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>Where a receipt came from: procured by the office, or donated by a named donor.</summary>
/// <remarks>
/// The donor is a label chosen by the office (e.g. <c>"a resident of Dongfang"</c>, or a company name),
/// never an identity number or phone. <c>default(StockSource)</c> is <see cref="Procured"/>.
/// </remarks>
public readonly record struct StockSource
{
    private StockSource(string? donor) => DonorOrNull = donor;

    private string? DonorOrNull { get; }

    /// <summary>Goods bought by the office (also <c>default</c>).</summary>
    public static StockSource Procured => default;

    /// <summary>True when donated.</summary>
    public bool IsDonation => DonorOrNull is not null;

    /// <summary>The donor's label, or null when procured.</summary>
    public string? Donor => DonorOrNull;

    /// <summary>Goods donated by <paramref name="donor"/>.</summary>
    /// <param name="donor">The donor's label; not blank.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="donor"/> is blank.</exception>
    public static StockSource DonatedBy(string donor) => new(Guard.Against.Blank(donor).Trim());

    /// <summary><c>procured</c> or <c>donated</c>: never the donor, who may be a resident (their label is in <see cref="Donor"/>).</summary>
    public override string ToString() => DonorOrNull is null ? "procured" : "donated";
}
