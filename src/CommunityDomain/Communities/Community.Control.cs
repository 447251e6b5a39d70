using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using OneOf;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    /// <summary>Issues a control order over the whole community or one of its compounds, buildings, units or households.</summary>
    /// <param name="request">What the order says.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The issued order, or an error naming the unknown scope target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public OneOf<ControlOrder, NotFound<Compound>, NotFound<Building>, NotFound<Unit>, NotFound<Household>, NotPermitted> Issue(
        ControlOrderRequest request, Actor by = default)
    {
        Guard.Against.Null(request);
        var scope = request.Scope;
        var target = scope.TargetId;
        switch (scope.Kind)
        {
            case ControlScopeKind.Compound when !_compounds.Contains(new Id<Compound>(target)):
                return new NotFound<Compound>(new Id<Compound>(target));
            case ControlScopeKind.Building when !_buildings.Contains(new Id<Building>(target)):
                return new NotFound<Building>(new Id<Building>(target));
            case ControlScopeKind.Unit when !_units.Contains(new Id<Unit>(target)):
                return new NotFound<Unit>(new Id<Unit>(target));
            case ControlScopeKind.Household when !_households.Contains(new Id<Household>(target)):
                return new NotFound<Household>(new Id<Household>(target));
        }

        if (DeniedOver(by, Permission.ControlOrders, scope) is { } denied)
        {
            return denied;
        }

        var now = _clock.GetCurrentInstant();
        var order = new ControlOrder(_orders.NextId, request, by, now, Zone);
        PutOrder(order);
        var version = NextVersion();
        Raise(new ControlOrderIssued(now, by, version, order.Id, order.Level, order.Scope, order.From, order.Until));
        return order;
    }

    /// <summary>Lifts a control order early: it stops being in force at <paramref name="at"/>.</summary>
    /// <param name="order">The order; not default.</param>
    /// <param name="at">When it stops (lifting at or before its start means it was never in force).</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The lifted order, or an error (lifting twice, or after its planned end, is refused).</returns>
    /// <exception cref="ArgumentException"><paramref name="order"/> is default, or <paramref name="reason"/> is null or blank.</exception>
    public OneOf<ControlOrder, NotFound<ControlOrder>, OrderAlreadyLifted, OrderAlreadyEnded, NotPermitted> Lift(
        Id<ControlOrder> order, Instant at, string reason, Actor by = default)
    {
        Guard.Against.DefaultId(order);
        reason = Guard.Against.Blank(reason).Trim();
        if (!_orders.TryGetValue(order, out var found))
        {
            return new NotFound<ControlOrder>(order);
        }

        if (DeniedOver(by, Permission.ControlOrders, found.Scope) is { } denied)
        {
            return denied;
        }

        if (found.LiftedAt is { } lifted)
        {
            return new OrderAlreadyLifted(order, lifted);
        }

        if (found.Until is { } until && until <= at)
        {
            return new OrderAlreadyEnded(order, until);
        }

        found.Lift(at, by, reason);
        var version = NextVersion();
        Raise(new ControlOrderLifted(_clock.GetCurrentInstant(), by, version, order, at));
        return found;
    }

    /// <summary>
    /// The effective control level of a household at an instant: the most restrictive level among the
    /// orders in force then over any scope that contains the household (the household itself, its unit,
    /// building, compound, or the whole community); <see cref="ControlLevel.None"/> when none is.
    /// </summary>
    /// <param name="household">The household; must exist.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The effective level.</returns>
    /// <exception cref="ArgumentException">The household id is default or unknown.</exception>
    public ControlLevel EffectiveLevel(Id<Household> household, Instant at)
    {
        var home = RequireHousehold(household);

        // Five index lookups, no allocation: this query runs for every household in bulk reports.
        var level = MaxLevelIn(ControlScope.WholeCommunity, at, ControlLevel.None);
        level = MaxLevelIn(ControlScope.Of(home.CompoundId), at, level);
        level = MaxLevelIn(ControlScope.Of(home.BuildingId), at, level);
        level = MaxLevelIn(ControlScope.Of(home.UnitId), at, level);
        return MaxLevelIn(ControlScope.Of(home.Id), at, level);
    }

    private ControlLevel MaxLevelIn(ControlScope scope, Instant at, ControlLevel level)
    {
        if (_ordersByScope.TryGetValue(scope, out var orders))
        {
            foreach (var order in orders)
            {
                if (order.Level > level && order.IsInForceAt(at))
                {
                    level = order.Level;
                }
            }
        }

        return level;
    }

    /// <summary>Null when the actor may run a command needing <paramref name="permission"/> over an existing scope, else why not.</summary>
    private NotPermitted? DeniedOver(Actor by, Permission permission, ControlScope scope)
    {
        Id<Building>? building = scope.Kind switch
        {
            ControlScopeKind.Building => new Id<Building>(scope.TargetId),
            ControlScopeKind.Unit => _units[new Id<Unit>(scope.TargetId)].BuildingId,
            ControlScopeKind.Household => _households[new Id<Household>(scope.TargetId)].BuildingId,
            _ => null,
        };
        int? compound = building is { } b ? _buildings[b].CompoundId.Value
            : scope.Kind == ControlScopeKind.Compound ? scope.TargetId
            : null;
        return by.Check(permission, compound, building?.Value);
    }

    /// <summary>The orders over any scope containing a household that take effect in a half-open window (after its start, before its end).</summary>
    /// <param name="household">The household; must exist.</param>
    /// <param name="start">The window's start (exclusive: orders in force then are <see cref="OrdersInForce"/>).</param>
    /// <param name="end">The window's end (exclusive).</param>
    /// <returns>The orders (lifted ones excluded), in scope order then id order.</returns>
    /// <exception cref="ArgumentException">The household id is default or unknown.</exception>
    public IReadOnlyList<ControlOrder> OrdersBeginningWithin(Id<Household> household, Instant start, Instant end)
    {
        var home = RequireHousehold(household);
        var result = new List<ControlOrder>();
        foreach (var scope in ScopesContaining(home))
        {
            if (_ordersByScope.TryGetValue(scope, out var orders))
            {
                result.AddRange(orders.Where(o => o.From > start && o.From < end && o.IsInForceAt(o.From)));
            }
        }

        return result;
    }

    /// <summary>The orders in force at an instant over any scope containing a household, widest scope first.</summary>
    /// <param name="household">The household; must exist.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The orders, in scope order (community, compound, building, unit, household), then id order.</returns>
    /// <exception cref="ArgumentException">The household id is default or unknown.</exception>
    public IReadOnlyList<ControlOrder> OrdersInForce(Id<Household> household, Instant at)
    {
        var home = RequireHousehold(household);
        var result = new List<ControlOrder>();
        foreach (var scope in ScopesContaining(home))
        {
            if (_ordersByScope.TryGetValue(scope, out var orders))
            {
                result.AddRange(orders.Where(o => o.IsInForceAt(at)));
            }
        }

        return result;
    }

    /// <summary>The households whose effective level is <see cref="ControlLevel.Sealed"/> at an instant, in id order.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The sealed households.</returns>
    public IReadOnlyList<Id<Household>> SealedHouseholds(Instant at)
    {
        // Expand only the sealed orders in force: far cheaper than asking every household.
        var sealedIds = new SortedSet<Id<Household>>();
        foreach (var order in _orders)
        {
            if (order.Level == ControlLevel.Sealed && order.IsInForceAt(at))
            {
                sealedIds.UnionWith(HouseholdsIn(order.Scope));
            }
        }

        return [.. sealedIds];
    }

    /// <summary>The households a scope covers, in id order.</summary>
    /// <param name="scope">The scope; its target must exist.</param>
    /// <returns>The households covered.</returns>
    /// <exception cref="ArgumentException">The scope is default or names an unknown target.</exception>
    public IReadOnlyList<Id<Household>> HouseholdsIn(ControlScope scope)
    {
        Guard.Against.InvalidInput(scope, nameof(scope), static s => !s.IsDefault, "The scope is default and covers nothing.");

        IEnumerable<Id<Household>> ids = scope.Kind switch
        {
            ControlScopeKind.Community => _households.Select(h => h.Id),
            ControlScopeKind.Compound => RequireCompound(new Id<Compound>(scope.TargetId), nameof(scope)).Buildings
                .SelectMany(b => _buildings[b].Units).SelectMany(u => _units[u].Households),
            ControlScopeKind.Building => RequireBuilding(new Id<Building>(scope.TargetId), nameof(scope)).Units
                .SelectMany(u => _units[u].Households),
            ControlScopeKind.Unit => RequireUnit(new Id<Unit>(scope.TargetId), nameof(scope)).Households,
            _ => [RequireHousehold(new Id<Household>(scope.TargetId), nameof(scope)).Id],
        };
        return [.. ids.Order()];
    }

    private static ControlScope[] ScopesContaining(Household home) =>
    [
        ControlScope.WholeCommunity,
        ControlScope.Of(home.CompoundId),
        ControlScope.Of(home.BuildingId),
        ControlScope.Of(home.UnitId),
        ControlScope.Of(home.Id),
    ];

    private void PutOrder(ControlOrder order)
    {
        _orders.Add(order.Id, order);
        if (!_ordersByScope.TryGetValue(order.Scope, out var list))
        {
            list = [];
            _ordersByScope.Add(order.Scope, list);
        }

        list.Add(order);
    }
}
