package com.engagementorchestrator.common;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.FileValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.FileValueImpl;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * An uploaded file reaches the engine as a file variable before any listener of ours sees it, and the engine stores
 * its name (in the runtime and the history tables). A hostile name (NUL, CR/LF, a path) must be cleaned there too:
 * Postgres refuses NUL in text, so the whole submission would fail with a database error. The engine's file serializer
 * is replaced by one that stores {@link UploadedFiles#cleanName}; the stored format is unchanged.
 */
@Component
public class CleanFileNamesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreVariableSerializers() == null) {
            configuration.setCustomPreVariableSerializers(new ArrayList<>());
        }
        // Custom serializers come first in the engine's list, so files are written by this one.
        configuration.getCustomPreVariableSerializers().add(new CleanNameFileValueSerializer());
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
