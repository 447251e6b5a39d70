using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Generators;

/// <summary>A fixed pool of registrations with distinct, valid mainland ID numbers; registering one twice is a duplicate.</summary>
public static class PeoplePool
{
    private static readonly string[] Names = ["张三", "李四", "王五", "赵六", "陈晓明", "刘芳", "杨丽", "黄伟", "周杰", "吴敏", "徐静", "孙强", "马超", "朱红", "胡军", "郭娜", "何磊", "高洋"];

    public static IReadOnlyList<ResidentRegistration> Registrations { get; } = [.. Names.Select((name, i) => new ResidentRegistration(
        PersonName.Of(name),
        i % 5 == 4 ? null : IdentityDocument.MainlandId(ChineseIdNumber.Create("610526", new LocalDate(1930 + (i * 5), 1 + (i % 12), 1 + i), 100 + i).Value),
        i % 3 == 0 ? new PhoneNumber($"139{i:D8}") : null,
        i % 5 == 4 ? new LocalDate(2021, 3, 1 + i) : null,
        i % 4 == 1 ? HealthConditions.ChronicallyIll : HealthConditions.None))];
}
