using System.Collections;
using System.Reflection;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Builds a plausible instance of a library type by reflection, for convention tests that must look at every type of
/// a kind (every <see cref="DomainError"/>): ids are 3, counts 2, strings "Dongfang", times one fixed instant, enums
/// their first named value other than zero when there is one, collections empty, and other types through their
/// public constructor with the fewest parameters that accepts these values.
/// </summary>
internal static class SampleValues
{
    private static readonly Instant At = Instant.FromUtc(2022, 4, 2, 8, 30);

    /// <summary>A sample of <paramref name="type"/>, or null when none of its constructors accepts sample values.</summary>
    public static object? Of(Type type, int depth = 0)
    {
        if (depth > 6)
        {
            return null;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying, depth + 1);
        }

        if (type == typeof(string))
        {
            return "Dongfang";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return Convert.ChangeType(2, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(decimal))
        {
            return 2m;
        }

        if (type == typeof(double))
        {
            return 2.0;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(Instant))
        {
            return At;
        }

        if (type == typeof(LocalDate))
        {
            return new LocalDate(2022, 4, 2);
        }

        if (type == typeof(LocalDateTime))
        {
            return new LocalDateTime(2022, 4, 2, 16, 30);
        }

        if (type == typeof(LocalTime))
        {
            return new LocalTime(16, 30);
        }

        if (type == typeof(Duration))
        {
            return Duration.FromMinutes(90);
        }

        if (type == typeof(NodaTime.Interval))
        {
            return new NodaTime.Interval(At, At + Duration.FromHours(2));
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type).Cast<object>().ToList();
            return values.FirstOrDefault(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0) ?? values.FirstOrDefault();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Id<>))
        {
            return Activator.CreateInstance(type, 3);
        }

        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 0);
        }

        if (type.IsGenericType && type.IsInterface && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.GetGenericArguments()[0];
            return Array.CreateInstance(element, 0);
        }

        if (type.IsAbstract || type.IsInterface)
        {
            return null;
        }

        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderBy(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Any(p => p.ParameterType == type))
            {
                continue;
            }

            var arguments = parameters.Select(p => Of(p.ParameterType, depth + 1)).ToArray();
            if (arguments.Where((a, i) => a is null && !IsNullable(parameters[i])).Any())
            {
                continue;
            }

            try
            {
                return constructor.Invoke(arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException)
            {
                // The sample values broke this constructor's guards: try the next one.
            }
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
}
