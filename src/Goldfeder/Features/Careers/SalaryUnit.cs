namespace Goldfeder.Features.Careers;

public enum SalaryUnit { Hour, Month, Year }
