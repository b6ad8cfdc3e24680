using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QaFormWithoutForeignKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QaForm_CategoryId",
                table: "QaForm");

            migrationBuilder.DropIndex(
                name: "IX_QaForm_HandlingUnitId",
                table: "QaForm");

            migrationBuilder.DropIndex(
                name: "IX_QaForm_RequesterId",
                table: "QaForm");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_QaForm_CategoryId",
                table: "QaForm",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_HandlingUnitId",
                table: "QaForm",
                column: "HandlingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_RequesterId",
                table: "QaForm",
                column: "RequesterId");
        }
    }
}
