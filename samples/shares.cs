#:project ../src/CommunityDomain/CommunityDomain.csproj
// Three ways to share 40 bags of rice among eight sealed households that need 68: max-min (raise the smallest
// shares per person first), Hamilton (proportional to need, largest remainders) and Webster (proportional, divisor method),
// side by side, and what one more bag changes. Every policy fills no share past its need and uses all the rice.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;

(string Door, int People, int Need)[] homes =
[
    ("3-1-101", 1, 3), ("3-1-102", 2, 6), ("3-1-201", 4, 12), ("3-1-202", 3, 9),
    ("3-2-101", 5, 15), ("3-2-102", 2, 6), ("3-2-201", 1, 5), ("3-2-202", 4, 12),
];
Claim[] claims = [.. homes.Select((h, i) => new Claim(new Id<Household>(i + 1), need: h.Need, weight: h.People))];
AllocationPolicy[] policies = [AllocationPolicy.MaxMin, AllocationPolicy.Hamilton, AllocationPolicy.Webster];
const int Bags = 40;
var plans = policies.Select(p => SupplyAllocator.Allocate(claims, Bags, p)).ToList();
var more = policies.Select(p => SupplyAllocator.Allocate(claims, Bags + 1, p)).ToList();

Console.WriteLine($"{Bags} bags of rice (5 kg) for {claims.Length} sealed households of Meiyuan building 3 needing {claims.Sum(c => c.Need)}:");
Console.WriteLine($"  {"room",-8} {"people",6} {"need",5} {"max-min",8} {"Hamilton",9} {"Webster",8}");
foreach (var (home, i) in homes.Select((h, i) => (h, i)))
{
    var shares = plans.Select(p => p.ShareOf(claims[i].Household).Allocated).ToList();
    Console.WriteLine($"  {home.Door,-8} {home.People,6} {home.Need,5} {shares[0],8} {shares[1],9} {shares[2],8}");
}

var lowest = plans.Select(p => p.Shares.Min(s => (double)s.Allocated / s.Need).ToString("P0", System.Globalization.CultureInfo.InvariantCulture)).ToList();
Console.WriteLine($"  {"lowest share of need",-20} {lowest[0],8} {lowest[1],9} {lowest[2],8}");
Console.WriteLine($"One more bag (41): {string.Join("; ", policies.Select((p, k) => $"{p}: " +
    string.Join(", ", claims.Where(c => more[k].ShareOf(c.Household).Allocated != plans[k].ShareOf(c.Household).Allocated)
        .Select(c => $"{homes[c.Household.Value - 1].Door} {plans[k].ShareOf(c.Household).Allocated}->{more[k].ShareOf(c.Household).Allocated}"))))}");
Console.WriteLine($"Why 3-2-201 got what it got under max-min: {plans[0].Explain(claims[6].Household)}");

// Independent checks: each policy hands out exactly the supply, never past a need, and one more bag lowers
// nobody's share under Webster (Hamilton may: the Alabama paradox is allowed, so it is not checked).
var ok = plans.All(p => p.Shares.Sum(s => s.Allocated) == Bags && p.Shares.All(s => s.Allocated <= s.Need))
    && claims.All(c => more[2].ShareOf(c.Household).Allocated >= plans[2].ShareOf(c.Household).Allocated);
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
