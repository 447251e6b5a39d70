namespace CommunityDomain.Communities.Errors;

/// <summary>Readable names of the community's entity types for messages, in English and Chinese.</summary>
internal static class EntityNames
{
    public static string English(Type entity) => entity.Name switch
    {
        nameof(Communities.Compound) => "compound",
        nameof(Communities.Building) => "building",
        nameof(Communities.Unit) => "unit",
        nameof(Communities.Household) => "household",
        nameof(Communities.Resident) => "resident",
        nameof(Communities.Post) => "post",
        nameof(Control.ControlOrder) => "control order",
        _ => entity.Name,
    };

    public static string Chinese(Type entity) => entity.Name switch
    {
        nameof(Communities.Compound) => "小区",
        nameof(Communities.Building) => "楼栋",
        nameof(Communities.Unit) => "单元",
        nameof(Communities.Household) => "住户",
        nameof(Communities.Resident) => "居民",
        nameof(Communities.Post) => "岗位",
        nameof(Control.ControlOrder) => "管控令",
        _ => entity.Name,
    };
}
