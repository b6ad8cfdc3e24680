using System.Linq.Expressions;

namespace Isms.Web.Features.ServiceDesk;

/// The open forms (every status but finished and cancelled) as queries test them. Every query of
/// open forms goes through this one expression, so EF writes the same SQL for it each time, and
/// that SQL is the condition of the partial index that finds them (SQLite uses a partial index only
/// when a query holds its condition term for term; OpenFormsIndexTests checks that it does).
public static class OpenForms
{
    public static readonly Expression<Func<QaForm, bool>> Only = f => f.Status != QaFormStatus.Finished && f.Status != QaFormStatus.Cancelled;

    public static readonly Expression<Func<QaForm, bool>> Not = f => f.Status == QaFormStatus.Finished || f.Status == QaFormStatus.Cancelled;

    public static IQueryable<QaForm> Open(this IQueryable<QaForm> forms) => forms.Where(Only);

    public static IQueryable<QaForm> Closed(this IQueryable<QaForm> forms) => forms.Where(Not);
}
