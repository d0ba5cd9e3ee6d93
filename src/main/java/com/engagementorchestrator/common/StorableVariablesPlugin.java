package com.engagementorchestrator.common;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.FileValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.FileValueImpl;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * Variables a client submits reach the engine's tables before any listener of ours sees them, and Postgres refuses a
 * NUL character in text: the submission would fail with a database error (500). So, in the engine's serializers:
 * an uploaded file's name is stored cleaned ({@link UploadedFiles#cleanName}: no path, NUL, CR/LF; the stored format is
 * unchanged), and a text variable holding NUL is refused as the user's mistake (400 naming the variable).
 */
@Component
public class StorableVariablesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreVariableSerializers() == null) {
            configuration.setCustomPreVariableSerializers(new ArrayList<>());
        }
        // Custom serializers come first in the engine's list, so files are written by this one.
        configuration.getCustomPreVariableSerializers().add(new CleanNameFileValueSerializer());
        configuration.getCustomPreVariableSerializers().add(new NulFreeStringValueSerializer());
    }

    static final class NulFreeStringValueSerializer extends StringValueSerializer {
        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            if (value.getValue() != null && value.getValue().indexOf('\u0000') >= 0) {
                throw new InvalidInputException(valueFields.getName(), "must not contain NUL characters");
            }
            super.writeValue(value, valueFields);
        }
    }

    static final class CleanNameFileValueSerializer extends FileValueSerializer {
        @Override
        public void writeValue(FileValue value, ValueFields valueFields) {
            String clean = UploadedFiles.cleanName(value.getFilename());
            if (clean.equals(value.getFilename()) || !(value instanceof FileValueImpl file)) {
                super.writeValue(value, valueFields);
                return;
            }
            var builder = Variables.fileValue(clean).mimeType(file.getMimeType());
            if (file.getEncoding() != null) {
                builder.encoding(file.getEncoding());
            }
            if (file.getByteArray() != null) {
                builder.file(file.getByteArray());
            }
            super.writeValue(builder.setTransient(file.isTransient()).create(), valueFields);
        }
    }
}
