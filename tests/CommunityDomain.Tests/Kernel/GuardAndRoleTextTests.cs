using Ardalis.GuardClauses;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Kernel;

public sealed class GuardAndRoleTextTests
{
    [Fact]
    public void IdGuard_DefaultId_throws_naming_the_argument_and_the_entity()
    {
        Id<Household> household = default;
        var ex = Assert.Throws<ArgumentException>(() => Guard.Against.DefaultId(household));
        Assert.Equal(nameof(household), ex.ParamName);
        Assert.Contains("Household id is default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdGuard_DefaultId_returns_a_real_id_unchanged()
    {
        var id = new Id<Household>(7);
        Assert.Equal(id, Guard.Against.DefaultId(id));
        Assert.Equal(id, IdGuard.DefaultId(Guard.Against, id));
        Assert.Equal("renamed", Assert.Throws<ArgumentException>(() => Guard.Against.DefaultId(default(Id<Unit>), "renamed")).ParamName);
    }

    [Fact]
    public void RoleText_names_every_role_and_permission_in_both_languages()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.NotEqual("unknown role", RoleText.English(role));
            Assert.NotEqual("未知角色", RoleText.Chinese(role));
            Assert.Matches("[\u4e00-\u9fff]", RoleText.Chinese(role));
        }

        foreach (var permission in Enum.GetValues<Permission>())
        {
            Assert.DoesNotMatch("[\u4e00-\u9fff]", RoleText.English(permission));
            Assert.Matches("[\u4e00-\u9fff]", RoleText.Chinese(permission));
        }

        Assert.Equal("compound head", RoleText.English(Role.CompoundHead));
        Assert.Equal("小区主任", RoleText.Chinese(Role.CompoundHead));
        Assert.Equal("unknown role", RoleText.English((Role)99));
    }
}
