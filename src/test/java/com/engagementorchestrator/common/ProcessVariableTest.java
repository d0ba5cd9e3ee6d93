package com.engagementorchestrator.common;

import static com.engagementorchestrator.common.ProcessVariable.Scope.LOCAL;
import static com.engagementorchestrator.common.ProcessVariable.Scope.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.complaint.ComplaintProcess;
import com.engagementorchestrator.contact.ProgressReportsProcess;
import com.engagementorchestrator.delivery.DeliveryProcess;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.protocol.ProtocolProcess;
import com.engagementorchestrator.reminder.ReminderLadderProcess;
import com.engagementorchestrator.reply.ClientReplyProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private static final ProcessVariable<Long> ID = ProcessVariable.longVariable("someId", PROCESS);
    private static final ProcessVariable<String> SHOWN = ProcessVariable.stringVariable("shown", LOCAL);

    /** A process instance with one child scope (a task, a sub-process), as the engine nests them. */
    private final Scope instance = new Scope(null);
    private final Scope task = new Scope(instance);

    @Test
    void aProcessVariableSetFromATaskLandsOnTheInstance() {
        ID.set(task, 7L);

        assertThat(instance.getVariableLocal("someId")).isEqualTo(7L);
        assertThat(task.getVariableLocal("someId")).isNull();
        assertThat(ID.get(task)).isEqualTo(7L);
        assertThat(instance.getVariableLocalTyped("someId").getType()).isEqualTo(ValueType.LONG);
    }

    @Test
    void aLocalVariableStaysOnItsScope() {
        SHOWN.set(task, "text");

        assertThat(task.getVariableLocal("shown")).isEqualTo("text");
        assertThat(SHOWN.get(instance)).isNull();
        SHOWN.remove(task);
        assertThat(SHOWN.get(task)).isNull();
    }

    @Test
    void readsTheValueAsDeclaredOrNamesTheVariable() {
        instance.setVariable("someId", 12); // a form or an older instance stored an int
        assertThat(ID.get(task)).isEqualTo(12L);

        instance.setVariable("someId", "twelve");
        assertThatThrownBy(() -> ID.get(task)).isInstanceOf(IllegalStateException.class).hasMessageContaining("'someId'");
        assertThatThrownBy(() -> ProcessVariable.dateVariable("missingDueAt", PROCESS).required(task))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'missingDueAt' is missing");
    }

    @Test
    void valuesAreTypedEngineVariables() {
        ProcessVariable.Values values = ProcessVariable.values().with(ID, 3L).with(SHOWN, null);

        assertThat(values.getValueTyped("someId").getType()).isEqualTo(ValueType.LONG);
        assertThat(values.getValueTyped("shown").getType()).isEqualTo(ValueType.NULL);
        assertThat(values.get("someId")).isEqualTo(3L);
        assertThat(values).containsKey("shown");
    }

    /** A due date left out of its facade's list would not move while a client is blocked, and would breach at once. */
    @Test
    void everyDateAFacadeDeclaresIsInItsDueDates() throws ReflectiveOperationException {
        for (Class<?> variables : List.of(EngagementProcess.Variables.class, AwaitObligationProcess.Variables.class,
                ProtocolProcess.Variables.class, ProgressReportsProcess.Variables.class, ReminderLadderProcess.Variables.class)) {
            List<Object> dates = new ArrayList<>();
            for (ProcessVariable<?> declared : declarations(variables)) {
                if (declared.type() == Date.class) {
                    dates.add(declared);
                }
            }
            assertThat(dates).as(variables.getName()).isNotEmpty();
            assertThat(new ArrayList<Object>((List<?>) variables.getField("DUE_DATES").get(null))).as(variables.getName())
                    .containsExactlyInAnyOrderElementsOf(dates);
        }
    }

    @Test
    void aFacadeDeclaresEachNameOnce() throws IllegalAccessException {
        for (Class<?> facade : List.of(EngagementProcess.Variables.class, AwaitObligationProcess.Variables.class,
                BlockProcess.Variables.class, ComplaintProcess.class, DeliveryProcess.class, ProgressReportsProcess.Variables.class,
                ProtocolProcess.Variables.class, ReminderLadderProcess.Variables.class, ClientReplyProcess.Variables.class)) {
            List<String> keys = new ArrayList<>();
            for (ProcessVariable<?> declared : declarations(facade)) {
                keys.add(declared.name() + "/" + declared.scope());
            }
            assertThat(keys).as(facade.getName()).doesNotHaveDuplicates();
        }
    }

    private static List<ProcessVariable<?>> declarations(Class<?> type) throws IllegalAccessException {
        List<ProcessVariable<?>> declared = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                declared.add((ProcessVariable<?>) field.get(null));
            }
        }
        return declared;
    }

    /** The engine's variable scope, holding its variables in memory. */
    private static final class Scope extends AbstractVariableScope {

        private final VariableStore<SimpleVariableInstance> store = new VariableStore<>();
        private final Scope parent;

        Scope(Scope parent) {
            this.parent = parent;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected VariableStore<CoreVariableInstance> getVariableStore() {
            return (VariableStore) store;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
            return (VariableInstanceFactory) SimpleVariableInstance.SimpleVariableInstanceFactory.INSTANCE;
        }

        @Override
        protected List<VariableInstanceLifecycleListener<CoreVariableInstance>> getVariableInstanceLifecycleListeners() {
            return Collections.emptyList();
        }

        @Override
        public AbstractVariableScope getParentVariableScope() {
            return parent;
        }
    }
}
