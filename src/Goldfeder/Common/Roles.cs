namespace Goldfeder.Common;

/// <summary>The roles of the editorial admin; each page names the roles it admits.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Marketing = "Marketing";
    public const string HR = "HR";
    public const string DataProtection = "DataProtection";

    public static readonly string[] All = [Admin, Editor, Marketing, HR, DataProtection];

    /// <summary>German names for the admin pages.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "Administration",
        Editor => "Redaktion",
        Marketing => "Marketing",
        HR => "Personal",
        DataProtection => "Datenschutz",
        _ => role,
    };
}
