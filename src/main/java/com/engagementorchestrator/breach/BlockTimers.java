package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.BlockingProperties;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Timer values of processes/client-block.bpmn, from configuration (engagement.blocking). */
@Component("blockTimers")
public class BlockTimers {

    private final BlockingProperties properties;

    public BlockTimers(BlockingProperties properties) {
        this.properties = properties;
    }

    public String evidenceWithin() {
        return properties.evidenceWithin().toString();
    }

    public Date evidenceDueDate() {
        return Date.from(Time.now().plus(properties.evidenceWithin()));
    }
}
