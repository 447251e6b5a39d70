using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

/// <summary>
/// Issue 11, "the whole kind": allocation, donation split and delivery runs answer every input their
/// constructors accept (no claims, zero or unbounded stock, needs and weights at the limit, sparse ids, staff
/// time from a nanosecond to 16 million days, capacity 1, zero-length windows, extreme distances) without an
/// exception, and the answer passes a light independent check.
/// </summary>
[Properties(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 150)]
public sealed class SuppliesNoCrashProperties
{
    [Property]
    public void The_allocator_answers_every_accepted_claim_set_under_every_policy(LockdownAllocationCase c)
    {
        var need = c.Claims.Sum(x => (long)x.Need);
        foreach (var policy in Enum.GetValues<AllocationPolicy>())
        {
            var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, policy);
            Assert.Equal(Math.Min(c.Supply, need), plan.Shares.Sum(s => (long)s.Allocated));
            Assert.All(plan.Shares, s => Assert.InRange(s.Allocated, 0, s.Need));
            foreach (var claim in c.Claims.Take(5))
            {
                Assert.False(string.IsNullOrWhiteSpace(plan.Explain(claim.Household)));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void The_donation_split_answers_every_accepted_request(DonationCase c)
    {
        var split = DonationSplit.Split(c.Units, c.Posts);
        Assert.Equal(c.Units, split.Sum(s => (long)s.Units));
        Assert.Equal(c.Posts.Select(p => p.Post), split.Select(s => s.Post));
        Assert.All(split.Zip(c.Posts), x => Assert.True(x.First.Units >= 0 && (x.Second.StaffTime > Duration.Zero || x.First.Units == 0)));
    }

    [Property]
    public void The_run_planner_answers_every_accepted_request(LockdownDeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["runner.a", "runner.b"]);
        Assert.Equal(c.Parcels.Length, plan.Runs.Sum(r => r.Parcels.Count) + plan.Unplaceable.Count);
        Assert.All(plan.Runs, r => Assert.True(r.Parcels.Sum(p => c.Options.LoadOf(p)) <= c.Options.Capacity));
        Assert.True(plan.Runs.Count >= plan.LowerBound);
    }
}
