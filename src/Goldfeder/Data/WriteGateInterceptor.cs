using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Goldfeder.Data;

/// <summary>
/// Puts every SQLite write of this process through the <see cref="WriteGate"/>, so no caller has to remember it:
/// EF Core itself, Identity and DataProtection included. Registered for SQLite only (<see cref="StorageSetup"/>).
/// </summary>
/// <remarks>
/// Concurrency. The gate belongs to an EF Core connection (one per DbContext), named by its ConnectionId.
/// - A transaction takes it when it starts (SQLite begins every transaction IMMEDIATE, so each one is a writer) and
///   gives it back when it commits or rolls back. A transaction disposed without either rolls back inside its
///   Dispose and then closes the connection; the close gives the gate back.
/// - A write outside a transaction (EF Core 7+ runs a one-statement SaveChanges without one; ExecuteUpdate,
///   ExecuteDelete and raw SQL never start one) takes it for that command and gives it back when the command is done:
///   for a reader (INSERT … RETURNING) after the reader is closed, because SQLite commits such a statement only then.
/// - Every exit is harmless when the connection does not hold the gate, so a close after a commit, or a failure after
///   a close, releases nothing twice.
/// The gate is the connection's, not the flow's: a flow that holds a transaction on one DbContext and writes through
/// another waits for itself. Keep each transaction on one DbContext.
/// </remarks>
public sealed class WriteGateInterceptor(WriteGate gate) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    // Transactions

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        Entered(eventData.ConnectionId, result);

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(gate.EnterAsync(eventData.ConnectionId, cancellationToken), result);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Exited(eventData.ConnectionId, Task.CompletedTask);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Exited(eventData.ConnectionId, Task.CompletedTask);

    // A failed commit or rollback leaves nothing to release here: the caller's Dispose rolls back and closes, and the
    // close gives the gate back. So does the end of the DbContext for a failed start.

    // Commands outside a transaction

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        WriteEntered(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(EnterForWriteAsync(command, eventData, cancellationToken), result);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        WriteEntered(command, eventData, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(EnterForWriteAsync(command, eventData, cancellationToken), result);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        WriteEntered(command, eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(EnterForWriteAsync(command, eventData, cancellationToken), result);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => AfterCommand(command, eventData.ConnectionId, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        AfterCommand(command, eventData.ConnectionId, ValueTask.FromResult(result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => AfterCommand(command, eventData.ConnectionId, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        AfterCommand(command, eventData.ConnectionId, ValueTask.FromResult(result));

    // EF Core closes the SQLite reader before it says it disposes it; the statement has committed by then.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) =>
        AfterCommand(command, eventData.ConnectionId, result);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitAfterCommand(command, eventData.ConnectionId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AfterCommand(command, eventData.ConnectionId, Task.CompletedTask);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitAfterCommand(command, eventData.ConnectionId);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        AfterCommand(command, eventData.ConnectionId, Task.CompletedTask);

    // The connection: the last word on whatever it held

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Exited(eventData.ConnectionId, Task.CompletedTask);

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Exited(eventData.ConnectionId, result);

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Exited(eventData.ConnectionId, ValueTask.FromResult(result));

    // The interfaces want the result handed back; these take or give the gate on the way.

    private T Entered<T>(Guid connectionId, T result)
    {
        gate.Enter(connectionId);
        return result;
    }

    private static async ValueTask<T> EnteredAsync<T>(ValueTask entering, T result)
    {
        await entering;
        return result;
    }

    private T WriteEntered<T>(DbCommand command, CommandEventData eventData, T result)
    {
        EnterForWrite(command, eventData);
        return result;
    }

    private T Exited<T>(Guid connectionId, T result)
    {
        gate.Exit(connectionId);
        return result;
    }

    private T AfterCommand<T>(DbCommand command, Guid connectionId, T result)
    {
        ExitAfterCommand(command, connectionId);
        return result;
    }

    private void EnterForWrite(DbCommand command, CommandEventData eventData)
    {
        if (command.Transaction is null && Writes(command, eventData.CommandSource)) gate.Enter(eventData.ConnectionId);
    }

    private ValueTask EnterForWriteAsync(DbCommand command, CommandEventData eventData, CancellationToken ct) =>
        command.Transaction is null && Writes(command, eventData.CommandSource) ? gate.EnterAsync(eventData.ConnectionId, ct) : ValueTask.CompletedTask;

    // Inside a transaction the transaction holds the gate; outside one, only a write of this very command can.
    private void ExitAfterCommand(DbCommand command, Guid connectionId)
    {
        if (command.Transaction is null) gate.Exit(connectionId);
    }

    /// <summary>LINQ queries only read; what EF Core writes says so by its source; anything else is a write unless it is a SELECT.</summary>
    internal static bool Writes(DbCommand command, CommandSource source) => source switch
    {
        CommandSource.LinqQuery => false,
        CommandSource.SaveChanges or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw
            or CommandSource.Migrations => true,
        _ => !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase),
    };
}
