using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QaFormDueTimesInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QaForm_Status_DueAt",
                table: "QaForm");

            migrationBuilder.DropIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime_PausedSince_DueAt",
                table: "QaForm");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Open",
                table: "QaForm",
                columns: new[] { "Year", "PausedSince", "Month", "CategoryId", "AssigneeId", "DueAt" },
                filter: "\"Status\" <> 'Finished' AND \"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_WithoutDueTime",
                table: "QaForm",
                column: "MissingCalendarYear",
                filter: "\"MissingCalendarYear\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime",
                table: "QaForm",
                columns: new[] { "Year", "Month", "CategoryId", "AssigneeId", "Status", "OnTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QaForm_Open",
                table: "QaForm");

            migrationBuilder.DropIndex(
                name: "IX_QaForm_WithoutDueTime",
                table: "QaForm");

            migrationBuilder.DropIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime",
                table: "QaForm");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Status_DueAt",
                table: "QaForm",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime_PausedSince_DueAt",
                table: "QaForm",
                columns: new[] { "Year", "Month", "CategoryId", "AssigneeId", "Status", "OnTime", "PausedSince", "DueAt" });
        }
    }
}
