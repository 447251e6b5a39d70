using CommunityDomain.Kernel;
using CommunityDomain.Tests.Contracts;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// One command of a role script: who runs it, how to run it as any actor (returning the OneOf's value), and what the
/// test expects it to need, computed from the aggregate before the command by the test's own reading of the docs.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <param name="Label">For counterexamples.</param>
/// <param name="By">The actor.</param>
/// <param name="Run">Runs the command as the given actor; returns the result's value.</param>
/// <param name="Expect">The permission needed and the places the command touches (compound, building id values; a null
/// compound is the whole community); null places when the test cannot tell (e.g. an unknown target).</param>
public sealed record RoleStep<TAggregate>(string Label, Actor By, Func<TAggregate, Actor, object> Run,
    Func<TAggregate, (Permission Needed, (int? Compound, int? Building)[]? Places)> Expect)
{
    public override string ToString() => $"{Label} by {By.Account}/{By.Role}/{By.Area}";
}

/// <summary>
/// The roles property, shared by every aggregate (community, testing series and rounds, stock ledger, pass gate):
/// actors of every role over every kind of area run a script of commands; a refused command changes nothing, is
/// refused only for a reason the role table gives, and a permitted command is judged exactly as the all-powerful
/// actor of the same account (office over the whole community) would judge it on a copy of the aggregate.
/// </summary>
public static class RoleScripts
{
    /// <summary>Actors of every role (system included) over the whole community, compounds 1-5 or buildings 1-5.</summary>
    public static Gen<Actor> Actors { get; } =
        from role in Gen.Elements(Enum.GetValues<Role>())
        from kind in Gen.Elements(Enum.GetValues<AreaKind>())
        from id in Gen.Choose(1, 5)
        select role == Role.System ? Actor.System
            : new Actor($"acct.{role}.{id}", role, kind == AreaKind.Community ? Area.WholeCommunity : new Area(kind, id));

    // The role table of docs/security.md, written out again here (not read from the library) so the property checks the library against it.
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.CompoundHead] = [Permission.Posts, Permission.ReportIncidents, Permission.ManageIncidents, Permission.Passes, Permission.GateRecords,
            Permission.Deliveries, Permission.TestingRounds],
        [Role.GateDuty] = [Permission.GateRecords, Permission.ReportIncidents],
        [Role.GateDevice] = [Permission.GateRecords],
        [Role.DeliveryVolunteer] = [Permission.Deliveries],
        [Role.TestingStaff] = [Permission.Testing],
        [Role.Lab] = [Permission.TestResults],
        [Role.StockKeeper] = [Permission.Supplies],
    };

    public static bool RoleMay(Role role, Permission p) => role is Role.System or Role.Office || Table[role].Contains(p);

    public static bool Covers(Area area, int? compound, int? building) => area.Kind switch
    {
        AreaKind.Community => true,
        AreaKind.Compound => compound == area.Id,
        _ => building == area.Id,
    };

    /// <summary>Runs the steps against <paramref name="subject"/>, each also by an all-powerful actor of the same account on a fresh copy.</summary>
    /// <param name="subject">The aggregate the actors command.</param>
    /// <param name="copy">A copy of the aggregate as it is now (restored from its state), for the all-powerful twin.</param>
    /// <param name="state">The aggregate's whole state, compared structurally.</param>
    /// <param name="steps">The script.</param>
    /// <param name="beforeEach">Advances the test clock, or nothing.</param>
    public static void Check<TAggregate>(TAggregate subject, Func<TAggregate, TAggregate> copy, Func<TAggregate, object> state,
        IEnumerable<RoleStep<TAggregate>> steps, Action? beforeEach = null)
        where TAggregate : AggregateRoot
    {
        foreach (var step in steps)
        {
            beforeEach?.Invoke();
            var before = state(subject);
            var version = subject.Version;
            var events = subject.PendingEvents.Count;
            var (needed, places) = step.Expect(subject);
            var twin = copy(subject);
            var twinEvents = twin.PendingEvents.Count;

            // The same account as an actor made from its name alone: office over the whole community, which may run every
            // command, as every account could before roles existed.
            var expected = step.Run(twin, step.By.Role is Role.System ? Actor.System : Actor.Of(step.By.Account));
            var result = step.Run(subject, step.By);

            var roleForbids = !RoleMay(step.By.Role, needed);
            var areaForbids = places is not null && places.Any(p => !Covers(step.By.Area, p.Compound, p.Building));
            if (result is NotPermitted denied)
            {
                // Nothing changed, and the refusal has a reason the table gives; the error says which.
                Assert.Null(DeepEquality.Difference(before, state(subject)));
                Assert.Equal(version, subject.Version);
                Assert.Equal(events, subject.PendingEvents.Count);
                Assert.True(roleForbids || areaForbids || places is null, $"{step} refused without reason");
                Assert.Equal(needed, denied.Needed);
                Assert.Equal(step.By.Account, denied.Account);
                Assert.Equal(!roleForbids, denied.OutsideArea);
            }
            else
            {
                // Forbidden commands never succeed (they may fail earlier, e.g. on an unknown target, as the system would).
                Assert.False(roleForbids || areaForbids ? result is not DomainError : false, $"{step} succeeded although forbidden");

                // A permitted command is judged exactly as before roles existed: the all-powerful twin's result and state.
                // Records keep who acted: the actor itself is the one thing allowed to differ.
                Assert.Null(DeepEquality.Difference(expected, result, skip: typeof(Actor)));
                Assert.Null(DeepEquality.Difference(state(twin), state(subject), skip: typeof(Actor)));
                Assert.Equal(twin.Version, subject.Version);
                Assert.Equal(
                    twin.PendingEvents.Skip(twinEvents).Select(e => e.GetType()).ToList(),
                    subject.PendingEvents.Skip(events).Select(e => e.GetType()).ToList());
            }

            if (step.By.Role is Role.System || (step.By.Role is Role.Office && step.By.Area.Kind is AreaKind.Community))
            {
                Assert.IsNotType<NotPermitted>(result);
            }
        }
    }
}
