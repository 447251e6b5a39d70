namespace CommunityDomain.Kernel;

/// <summary>Role and permission names for messages, in English and Simplified Chinese.</summary>
public static class RoleText
{
    /// <summary>The role's English name, e.g. <c>compound head</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string English(Role role) => role switch
    {
        Role.System => "host system",
        Role.Office => "community office",
        Role.CompoundHead => "compound head",
        Role.GateDuty => "gate duty",
        Role.DeliveryVolunteer => "delivery volunteer",
        Role.TestingStaff => "testing staff",
        Role.Lab => "laboratory",
        Role.GateDevice => "gate device",
        Role.StockKeeper => "stock keeper",
        _ => "unknown role",
    };

    /// <summary>The role's Chinese name, e.g. <c>小区主任</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string Chinese(Role role) => role switch
    {
        Role.System => "系统",
        Role.Office => "社区工作人员",
        Role.CompoundHead => "小区主任",
        Role.GateDuty => "门岗执勤",
        Role.DeliveryVolunteer => "配送志愿者",
        Role.TestingStaff => "采样人员",
        Role.Lab => "检测机构",
        Role.GateDevice => "门岗设备",
        Role.StockKeeper => "库管员",
        _ => "未知角色",
    };

    /// <summary>What the permission allows, in English, as a verb phrase (e.g. <c>issue or lift control orders</c>).</summary>
    /// <param name="permission">The permission.</param>
    /// <returns>The phrase.</returns>
    public static string English(Permission permission) => permission switch
    {
        Permission.Structure => "change the community's structure",
        Permission.Posts => "add duty posts",
        Permission.Register => "change the register of residents",
        Permission.ControlOrders => "issue or lift control orders",
        Permission.ReportIncidents => "report incidents",
        Permission.ManageIncidents => "manage incidents",
        Permission.Passes => "issue or revoke passes",
        Permission.GateRecords => "record gate exits and returns",
        Permission.Testing => "take samples",
        Permission.TestingRounds => "organise testing rounds",
        Permission.TestResults => "enter test results",
        Permission.Supplies => "manage stock",
        Permission.Deliveries => "record deliveries",
        Permission.PersonalData => "see residents' personal data",
        Permission.Statistics => "export statistics",
        _ => "do this",
    };

    /// <summary>What the permission allows, in Chinese, as a verb phrase (e.g. <c>发布或解除管控令</c>).</summary>
    /// <param name="permission">The permission.</param>
    /// <returns>The phrase.</returns>
    public static string Chinese(Permission permission) => permission switch
    {
        Permission.Structure => "修改社区结构",
        Permission.Posts => "增设执勤点",
        Permission.Register => "修改居民登记",
        Permission.ControlOrders => "发布或解除管控令",
        Permission.ReportIncidents => "上报事件",
        Permission.ManageIncidents => "处理事件",
        Permission.Passes => "签发或作废出入证",
        Permission.GateRecords => "登记出入",
        Permission.Testing => "核酸采样",
        Permission.TestingRounds => "组织核酸检测",
        Permission.TestResults => "录入检测结果",
        Permission.Supplies => "管理物资库存",
        Permission.Deliveries => "登记物资配送",
        Permission.PersonalData => "查看居民个人信息",
        Permission.Statistics => "导出统计数据",
        _ => "执行此操作",
    };
}
