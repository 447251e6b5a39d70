using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Rostering;
using NodaTime.Serialization.SystemTextJson;
using OneOf;

namespace CommunityDomain.Contracts;

/// <summary>
/// The JSON contracts of the library: planner problems and results, domain events, roster changes and
/// snapshots, written as versioned documents a host can store or send and read back without custom code.
/// </summary>
/// <remarks>
/// <para>A document is an envelope <c>{"schema":"roster.problem","version":1,"data":{...}}</c>: the kind of
/// value, the contract version it was written with, and the value itself (camelCase members, enums as
/// names, NodaTime values as ISO text, ids as bare numbers, actors as account names).</para>
/// <para>Reading runs the same guards as the public constructors and factories, so a stored document can
/// never build a value the domain would reject; <see cref="Read{T}"/> returns a <see cref="ContractError"/>
/// for any bad input and never throws for it.</para>
/// <para>Only data is stored: a property that is computed from other properties (<c>IsDefault</c>,
/// <c>People</c>, <c>Gap</c>, a score's totals, an error's message) is left out and recomputed on reading;
/// <see cref="PlannerOptions.TimeProvider"/> is not data and is never stored.</para>
/// </remarks>
public static partial class CommunityJson
{
    private const int CurrentVersion = 2;

    /// <summary>The contract version this library writes (and the newest it reads).</summary>
    /// <remarks>A property, not a constant, so a host compiled against an older library reads the version of the one it runs with.</remarks>
    public static int SchemaVersion => CurrentVersion;

    /// <summary>
    /// Upgrades from older versions: the transform registered for version <c>v</c> turns a document's
    /// <c>data</c> of version <c>v</c> into version <c>v + 1</c>.
    /// </summary>
    private static readonly Dictionary<int, Func<string, JsonNode, JsonNode>> Upgrades = new() { [1] = RepairFrozenByInstant };

    /// <summary>
    /// Version 1 to 2: <c>roster.repair-options</c> froze by a date (<c>now</c>: duties dated before it never changed);
    /// version 2 freezes by an instant in a zone (issue 12: a failure at 07:30 must not re-plan the night duty that
    /// began at 00:00). The date's midnight in UTC, with the shift times read in UTC, freezes exactly the duties dated
    /// before it, so an old document means what it meant. Other kinds are unchanged.
    /// </summary>
    internal static JsonNode RepairFrozenByInstant(string kind, JsonNode data)
    {
        if (kind != "roster.repair-options" || data is not JsonObject o || !o.TryGetPropertyValue("now", out var now))
        {
            return data;
        }

        o.Remove("now");
        if (now is not null)
        {
            o["frozenBefore"] = now.GetValue<string>() + "T00:00:00Z";
            o["zone"] = "UTC";
        }

        return o;
    }

    /// <summary>
    /// The configured options (read-only): source-generated metadata, NodaTime's converters, ids as numbers,
    /// enums as names, camelCase, required constructor parameters and nullable annotations respected,
    /// unknown members refused. Use them with <see cref="JsonSerializer"/> to embed a contract in a larger
    /// document of the host's own; there, unlike <see cref="Read{T}"/>, bad input throws
    /// (<see cref="JsonException"/>, or the domain guards' <see cref="ArgumentException"/>).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a value as a versioned document.</summary>
    /// <typeparam name="T">A contract type (a planner problem or result, a domain event, <see cref="IDomainEvent"/>, a roster change, a snapshot).</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The document's JSON text.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, or <typeparamref name="T"/> is not a contract.</exception>
    public static string Write<T>(T value)
    {
        Guard.Against.Null(value);
        var kind = KindOf(typeof(T));
        var envelope = new JsonObject
        {
            ["schema"] = kind,
            ["version"] = SchemaVersion,
            ["data"] = JsonSerializer.SerializeToNode(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))),
        };
        return envelope.ToJsonString(Options);
    }

    /// <summary>Reads a document written by <see cref="Write{T}"/> (this or an older version).</summary>
    /// <typeparam name="T">The contract type expected.</typeparam>
    /// <param name="json">The document's JSON text.</param>
    /// <returns>The value, or a <see cref="ContractError"/> saying what is wrong and where; never a half-built value.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a contract (a programming error, not bad input).</exception>
    public static OneOf<T, ContractError> Read<T>(string? json)
    {
        var kind = KindOf(typeof(T));
        if (json is null)
        {
            return new ContractError(ContractProblem.Malformed, "$");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return new ContractError(ContractProblem.Malformed, e.Path ?? "$");
        }
        catch (ArgumentException)
        {
            // The text is not valid UTF-16 (a raw lone surrogate): it cannot be transcoded to UTF-8 to parse.
            return new ContractError(ContractProblem.Malformed, "$", "not UTF-16 text");
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate in a member name: the duplicate-name check cannot compare it.
            return new ContractError(ContractProblem.Malformed, "$", "a member name is not UTF-16 text");
        }

        if (root is not JsonObject envelope)
        {
            return new ContractError(ContractProblem.Malformed, "$", "an envelope object was expected");
        }

        try
        {
            return ReadEnvelope<T>(envelope, kind);
        }
        catch (InvalidOperationException)
        {
            // The envelope's own members hold text that is not UTF-16 (an escaped lone surrogate in "schema").
            return new ContractError(ContractProblem.Malformed, "$", "not UTF-16 text");
        }
    }

    // Two phases: the envelope (members, schema, version, data present: EnvelopeProblem) and the data (upgraded,
    // screened and deserialized: ReadData). The first never throws; the second turns every exception into an error.
    private static OneOf<T, ContractError> ReadEnvelope<T>(JsonObject envelope, string kind) =>
        EnvelopeProblem(envelope, kind, out var version, out var data) is { } problem ? problem : ReadData<T>(kind, data!, version);

    private static ContractError? EnvelopeProblem(JsonObject envelope, string kind, out int version, out JsonNode? data)
    {
        (version, data) = (0, null);
        foreach (var (name, _) in envelope)
        {
            if (name is not ("schema" or "version" or "data"))
            {
                return new ContractError(ContractProblem.UnknownMember, "$", name.Length <= 40 ? name : null);
            }
        }

        if (!TryGet(envelope, "schema", out string? schema) || schema is null)
        {
            return new ContractError(ContractProblem.MissingMember, "$", "schema");
        }

        if (schema != kind)
        {
            return new ContractError(ContractProblem.WrongKind, "$.schema", "expected " + kind);
        }

        if (!TryGet(envelope, "version", out version) || version < 1 || version > SchemaVersion)
        {
            return new ContractError(ContractProblem.UnsupportedVersion, "$.version", string.Create(CultureInfo.InvariantCulture, $"this library reads versions 1 to {SchemaVersion}"));
        }

        if (!envelope.TryGetPropertyValue("data", out data) || data is null)
        {
            return new ContractError(ContractProblem.MissingMember, "$", "data");
        }

        return null;
    }

    private static OneOf<T, ContractError> ReadData<T>(string kind, JsonNode data, int version)
    {
        try
        {
            data = Upgrade(kind, data, version, SchemaVersion, Upgrades);
            if (ContractScreen.Find(data, typeof(T), "$.data", Options) is { } screened)
            {
                return screened;
            }

            var value = data.Deserialize((JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
            return value is null ? new ContractError(ContractProblem.InvalidValue, "$.data", "null") : value;
        }
        catch (JsonException e)
        {
            return Classify(e);
        }
        catch (ArgumentException e)
        {
            // The domain's guards: name the parameter, never echo the message (it may quote values).
            return new ContractError(ContractProblem.Rejected, RejectionLocator.Find(data, typeof(T), "$.data", Options), e.ParamName);
        }
#pragma warning disable CA1031 // Read never throws for bad input: any other failure of a guard or conversion is reported.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new ContractError(ContractProblem.Rejected, "$.data", e.GetType().Name);
        }
    }

    /// <summary>Applies the upgrade steps from version <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    internal static JsonNode Upgrade(string kind, JsonNode data, int from, int to, IReadOnlyDictionary<int, Func<string, JsonNode, JsonNode>> steps)
    {
        for (var v = from; v < to; v++)
        {
            data = steps[v](kind, data);
        }

        return data;
    }

    private static ContractError Classify(JsonException e)
    {
        var path = e.Path is null ? "$.data" : "$.data" + e.Path.TrimStart('$');
        var message = e.Message;
        var quoted = Quoted().Match(message);
        var member = quoted.Success && quoted.Groups[1].Value.Length <= 40 ? quoted.Groups[1].Value : null;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return new ContractError(ContractProblem.UnknownMember, path, member);
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return new ContractError(ContractProblem.MissingMember, path, member);
        }

        return e.InnerException is ArgumentException a
            ? new ContractError(ContractProblem.Rejected, path, a.ParamName)
            : new ContractError(ContractProblem.InvalidValue, path);
    }

    private static bool TryGet<TValue>(JsonObject envelope, string name, out TValue? value)
    {
        value = default;
        return envelope.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.TryGetValue(out value);
    }

    private static string KindOf(Type type) =>
        ContractCatalog.KindOf.TryGetValue(type, out var kind)
            ? kind
            : throw new ArgumentException($"{type.Name} is not a JSON contract of CommunityDomain.", nameof(type));

    [GeneratedRegex("'([A-Za-z0-9_$]+)'")]
    private static partial Regex Quoted();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = CommunityJsonContext.Default
                .WithAddedModifier(ContractResolver.OnlyData)
                .WithAddedModifier(ContractResolver.AddPolymorphism),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        // NodaTime's own converters, only those the contracts use (ConfigureForNodaTime would also root
        // its reflection-based object-style converters, which native AOT warns about).
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        options.Converters.Add(NodaConverters.LocalDateTimeConverter);
        options.Converters.Add(NodaConverters.LocalTimeConverter);
        options.Converters.Add(NodaConverters.DurationConverter);
        options.Converters.Add(NodaConverters.IsoIntervalConverter);
        options.Converters.Add(NodaConverters.IsoDateIntervalConverter);
        // Zones by TZDB id (e.g. "Asia/Shanghai"): the database ships inside NodaTime, no I/O.
        options.Converters.Add(NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Tzdb));
        options.Converters.Add(new ActorJsonConverter());
        options.Converters.Add(new ControlScopeJsonConverter());
        options.Converters.Add(new RosterProblemJsonConverter());
        options.Converters.Add(new ReadOnlySetJsonConverter<string>(StringComparer.Ordinal));
        options.Converters.Add(new ReadOnlySetJsonConverter<LocalDate>(Comparer<LocalDate>.Default));

        // One closed converter per entity type used as an id in a contract (no MakeGenericType at run time).
        options.Converters.Add(new IdJsonConverter<Compound>());
        options.Converters.Add(new IdJsonConverter<Building>());
        options.Converters.Add(new IdJsonConverter<Communities.Unit>());
        options.Converters.Add(new IdJsonConverter<Household>());
        options.Converters.Add(new IdJsonConverter<Resident>());
        options.Converters.Add(new IdJsonConverter<Post>());
        options.Converters.Add(new IdJsonConverter<ControlOrder>());
        options.Converters.Add(new IdJsonConverter<Worker>());
        options.Converters.Add(new IdJsonConverter<TestingSeries>());
        options.Converters.Add(new IdJsonConverter<SamplingSite>());
        options.Converters.Add(new IdJsonConverter<Incident>());
        options.MakeReadOnly();
        return options;
    }
}
