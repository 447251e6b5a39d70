using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;

namespace Pubai;

/// <summary>
/// Generates plausible households from a seed: sizes 1-6, an age mix with many elderly (a mining district
/// whose young people work elsewhere), mainland ID numbers from Pucheng county (region 610526), phones for adults.
/// </summary>
public sealed class PeopleGenerator
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建国", "建华", "志强", "海燕", "小红"];
    private static readonly int[] SizeWeights = [22, 38, 22, 12, 4, 2]; // sizes 1..6, per cent

    private readonly Random _random;
    private readonly LocalDate _today;
    private readonly HashSet<string> _usedNumbers = [];
    private int _sequence;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed: the same seed gives the same people.</param>
    /// <param name="today">The date ages are counted to.</param>
    public PeopleGenerator(int seed, LocalDate today)
    {
        _random = new Random(seed);
        _today = today;
    }

    /// <summary>The members of one household; some working-age members are away (working out of town).</summary>
    /// <returns>One to six members.</returns>
    public IReadOnlyList<GeneratedPerson> Household()
    {
        var size = PickSize();
        var surname = Surnames[_random.Next(Surnames.Length)];
        var elderlyCouple = size <= 2 && _random.NextDouble() < 0.45;
        var members = new List<GeneratedPerson>(size);
        for (var i = 0; i < size; i++)
        {
            var age = elderlyCouple ? _random.Next(60, 92)
                : i < 2 ? _random.Next(28, 70)
                : i == 2 && size >= 5 ? _random.Next(62, 90)
                : _random.Next(0, 20);
            members.Add(new GeneratedPerson(Person(surname, age), Away: age is >= 18 and <= 45 && _random.NextDouble() < 0.25));
        }

        return members;
    }

    private ResidentRegistration Person(string surname, int age)
    {
        var birth = _today.PlusYears(-age).PlusDays(-_random.Next(0, 365));

        // Nobody is registered before being born (the community refuses it): a baby born after the office
        // registered the households counts from the registration date. Same random draws, same other people.
        var registered = PubaiScenario.RegisteredAt.InZone(PubaiScenario.Zone).Date;
        birth = birth > registered ? registered : birth;
        var name = PersonName.Of(surname + GivenNames[_random.Next(GivenNames.Length)]);
        ChineseIdNumber number;
        do
        {
            _sequence = (_sequence % 999) + 1;
            number = ChineseIdNumber.Create("610526", birth, _sequence);
        }
        while (!_usedNumbers.Add(number.Value));

        var id = IdentityDocument.MainlandId(number.Value);
        PhoneNumber? phone = age >= 16 ? new PhoneNumber($"1{_random.Next(3, 10)}{_random.Next(0, 1_000_000_000):D9}") : null;
        var conditions = HealthConditions.None;
        if (age >= 60 && _random.NextDouble() < 0.35)
        {
            conditions |= HealthConditions.ChronicallyIll;
        }

        if (_random.NextDouble() < 0.02)
        {
            conditions |= HealthConditions.Disabled;
        }

        if (age >= 80 && _random.NextDouble() < 0.15)
        {
            conditions |= HealthConditions.Bedridden;
        }

        if (age is >= 22 and <= 40 && _random.NextDouble() < 0.03)
        {
            conditions |= HealthConditions.Pregnant;
        }

        return new ResidentRegistration(name, id, phone, conditions: conditions);
    }

    private int PickSize()
    {
        var roll = _random.Next(100);
        for (var size = 0; size < SizeWeights.Length; size++)
        {
            roll -= SizeWeights[size];
            if (roll < 0)
            {
                return size + 1;
            }
        }

        return 3;
    }
}
