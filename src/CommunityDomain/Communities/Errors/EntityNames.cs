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
        nameof(Incidents.Incident) => "incident",
        _ => entity.Name,
    };

    public static string Chinese(Type entity) => Chinese(English(entity));

    /// <summary>The Chinese name for an English one produced by <see cref="English"/>; unknown names pass through.</summary>
    public static string Chinese(string english) => english switch
    {
        "compound" => "小区",
        "building" => "楼栋",
        "unit" => "单元",
        "household" => "住户",
        "resident" => "居民",
        "post" => "岗位",
        "control order" => "管控令",
        "incident" => "突发事件",
        _ => english,
    };
}
