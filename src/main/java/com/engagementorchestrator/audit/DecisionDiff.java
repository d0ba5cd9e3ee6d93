package com.engagementorchestrator.audit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Expression;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * The rule-level difference between two versions of one decision, read with Camunda's DMN model API: columns added,
 * removed or changed (by column id), rules added, removed or changed (by rule id, with their row numbers), and for a
 * changed rule every cell whose text changed. A decision that is a literal expression reports its expression.
 */
public final class DecisionDiff {

    /** An input or output column. {@code expression} is an input's expression or an output's variable name. */
    public record Column(String id, String label, String expression) {
    }

    /** One cell: {@code kind} is input, output or annotation; {@code column} the column's label. */
    public record Cell(String kind, String columnId, String column, String text) {
    }

    public record CellChange(String kind, String columnId, String column, String before, String after) {
    }

    /** A rule with its row (1-based) and every cell. */
    public record RuleRow(String ruleId, int row, List<Cell> cells) {
    }

    public record RuleChange(String ruleId, int rowBefore, int rowAfter, List<CellChange> cells) {
    }

    public record ColumnChange(String kind, String columnId, Column before, Column after) {
    }

    public record TextChange(String before, String after) {
    }

    public record Result(List<Column> inputsAdded, List<Column> inputsRemoved, List<Column> outputsAdded,
                         List<Column> outputsRemoved, List<ColumnChange> columnsChanged, List<RuleRow> rulesAdded,
                         List<RuleRow> rulesRemoved, List<RuleChange> rulesChanged, TextChange hitPolicy,
                         TextChange expression) {

        public boolean changed() {
            return !inputsAdded.isEmpty() || !inputsRemoved.isEmpty() || !outputsAdded.isEmpty()
                    || !outputsRemoved.isEmpty() || !columnsChanged.isEmpty() || !rulesAdded.isEmpty()
                    || !rulesRemoved.isEmpty() || !rulesChanged.isEmpty() || hitPolicy != null || expression != null;
        }
    }

    private DecisionDiff() {
    }

    /** @return the difference of the decision {@code key} from {@code before} to {@code after} (DMN XML). */
    public static Result between(String key, byte[] before, byte[] after) {
        return between(decision(read(before), key), decision(read(after), key));
    }

    static DmnModelInstance read(byte[] xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    }

    static Decision decision(DmnModelInstance model, String key) {
        return model.getDefinitions().getChildElementsByType(Decision.class).stream()
                .filter(decision -> key.equals(decision.getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The model has no decision '" + key + "'"));
    }

    static Result between(Decision before, Decision after) {
        Expression old = before.getExpression();
        Expression current = after.getExpression();
        Table oldTable = old instanceof DecisionTable table ? new Table(table) : Table.EMPTY;
        Table newTable = current instanceof DecisionTable table ? new Table(table) : Table.EMPTY;

        List<ColumnChange> columnsChanged = new ArrayList<>();
        columnsChanged.addAll(changedColumns("input", oldTable.inputs, newTable.inputs));
        columnsChanged.addAll(changedColumns("output", oldTable.outputs, newTable.outputs));

        List<RuleRow> added = new ArrayList<>();
        List<RuleChange> changed = new ArrayList<>();
        newTable.rules.forEach((id, rule) -> {
            Row previous = oldTable.rules.get(id);
            if (previous == null) {
                added.add(new RuleRow(id, rule.row, rule.cells(newTable)));
                return;
            }
            List<CellChange> cells = new ArrayList<>();
            cells.addAll(changedCells("input", oldTable, previous.inputs, newTable, rule.inputs));
            cells.addAll(changedCells("output", oldTable, previous.outputs, newTable, rule.outputs));
            if (!Objects.equals(previous.annotation, rule.annotation)) {
                cells.add(new CellChange("annotation", null, "Annotation", previous.annotation, rule.annotation));
            }
            if (!cells.isEmpty() || previous.row != rule.row) {
                changed.add(new RuleChange(id, previous.row, rule.row, cells));
            }
        });
        List<RuleRow> removed = oldTable.rules.entrySet().stream().filter(e -> !newTable.rules.containsKey(e.getKey()))
                .map(e -> new RuleRow(e.getKey(), e.getValue().row, e.getValue().cells(oldTable))).toList();

        String oldHitPolicy = old instanceof DecisionTable table ? hitPolicy(table) : null;
        String newHitPolicy = current instanceof DecisionTable table ? hitPolicy(table) : null;
        String oldExpression = old instanceof LiteralExpression literal ? text(literal.getText()) : null;
        String newExpression = current instanceof LiteralExpression literal ? text(literal.getText()) : null;
        return new Result(
                onlyIn(newTable.inputs, oldTable.inputs), onlyIn(oldTable.inputs, newTable.inputs),
                onlyIn(newTable.outputs, oldTable.outputs), onlyIn(oldTable.outputs, newTable.outputs),
                columnsChanged, added, removed, changed,
                Objects.equals(oldHitPolicy, newHitPolicy) ? null : new TextChange(oldHitPolicy, newHitPolicy),
                Objects.equals(oldExpression, newExpression) ? null : new TextChange(oldExpression, newExpression));
    }

    private static List<Column> onlyIn(Map<String, Column> these, Map<String, Column> notThese) {
        return these.values().stream().filter(column -> !notThese.containsKey(column.id())).toList();
    }

    private static List<ColumnChange> changedColumns(String kind, Map<String, Column> before, Map<String, Column> after) {
        return after.values().stream().filter(column -> before.containsKey(column.id())
                        && !before.get(column.id()).equals(column))
                .map(column -> new ColumnChange(kind, column.id(), before.get(column.id()), column)).toList();
    }

    /** Cells by column id; a cell of a column only one version has is compared with nothing (null). */
    private static List<CellChange> changedCells(String kind, Table oldTable, Map<String, String> before,
                                                 Table newTable, Map<String, String> after) {
        Map<String, Column> oldColumns = kind.equals("input") ? oldTable.inputs : oldTable.outputs;
        Map<String, Column> newColumns = kind.equals("input") ? newTable.inputs : newTable.outputs;
        Map<String, Column> columns = new LinkedHashMap<>(newColumns);
        oldColumns.forEach(columns::putIfAbsent);
        List<CellChange> changes = new ArrayList<>();
        columns.forEach((id, column) -> {
            String was = before.get(id);
            String is = after.get(id);
            if (!Objects.equals(was, is)) {
                changes.add(new CellChange(kind, id, column.label(), was, is));
            }
        });
        return changes;
    }

    private static String hitPolicy(DecisionTable table) {
        String policy = table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name();
        return table.getAggregation() == null ? policy : policy + " " + table.getAggregation().name();
    }

    private static String text(Text text) {
        return text == null ? null : text.getTextContent().strip();
    }

    /** A decision table by column id and rule id, in the table's order. */
    private static final class Table {
        static final Table EMPTY = new Table();

        final Map<String, Column> inputs = new LinkedHashMap<>();
        final Map<String, Column> outputs = new LinkedHashMap<>();
        final Map<String, Row> rules = new LinkedHashMap<>();

        private Table() {
        }

        Table(DecisionTable table) {
            for (Input input : table.getInputs()) {
                String expression = input.getInputExpression() == null ? null : text(input.getInputExpression().getText());
                inputs.put(input.getId(), new Column(input.getId(), label(input.getLabel(), expression, input.getId()), expression));
            }
            for (Output output : table.getOutputs()) {
                outputs.put(output.getId(), new Column(output.getId(), label(output.getLabel(), output.getName(), output.getId()),
                        output.getName()));
            }
            int row = 0;
            for (Rule rule : table.getRules()) {
                row++;
                Row cells = new Row(row, description(rule.getDescription()));
                Iterator<String> inputIds = inputs.keySet().iterator();
                for (InputEntry entry : rule.getInputEntries()) {
                    if (inputIds.hasNext()) {
                        cells.inputs.put(inputIds.next(), text(entry.getText()));
                    }
                }
                Iterator<String> outputIds = outputs.keySet().iterator();
                for (OutputEntry entry : rule.getOutputEntries()) {
                    if (outputIds.hasNext()) {
                        cells.outputs.put(outputIds.next(), text(entry.getText()));
                    }
                }
                rules.put(rule.getId(), cells);
            }
        }

        private static String label(String... candidates) {
            for (String candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate;
                }
            }
            return null;
        }

        private static String description(Description description) {
            return description == null || description.getTextContent().isBlank() ? null
                    : description.getTextContent().strip();
        }
    }

    private static final class Row {
        final int row;
        final String annotation;
        final Map<String, String> inputs = new LinkedHashMap<>();
        final Map<String, String> outputs = new LinkedHashMap<>();

        Row(int row, String annotation) {
            this.row = row;
            this.annotation = annotation;
        }

        List<Cell> cells(Table table) {
            List<Cell> cells = new ArrayList<>();
            inputs.forEach((id, text) -> cells.add(new Cell("input", id, table.inputs.get(id).label(), text)));
            outputs.forEach((id, text) -> cells.add(new Cell("output", id, table.outputs.get(id).label(), text)));
            if (annotation != null) {
                cells.add(new Cell("annotation", null, "Annotation", annotation));
            }
            return cells;
        }
    }
}
