using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

public sealed class PostgresGoldfederDb(DbContextOptions<PostgresGoldfederDb> options) : GoldfederDb(options);
