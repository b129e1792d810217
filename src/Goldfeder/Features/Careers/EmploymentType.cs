namespace Goldfeder.Features.Careers;

/// <summary>schema.org's employment types (Google for Jobs), stored by name.</summary>
public enum EmploymentType { FullTime, PartTime, Contractor, Temporary, Intern, Volunteer, PerDiem, Other }
