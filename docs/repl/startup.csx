// Runs before the csharprepl prompt (docs/scripting.md). NodaTime.Serialization.SystemTextJson 1.4.0 was built
// against NodaTime 3.0.0; csharprepl 0.7.1 answers that request by loading NodaTime a second time, from
// another path, and JSON contracts then fail with MissingMethodException (the two copies' Instant differ).
// Answer it with the NodaTime this session already uses.
var nodaTime = typeof(NodaTime.Instant).Assembly;
System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "NodaTime" ? nodaTime : null;
