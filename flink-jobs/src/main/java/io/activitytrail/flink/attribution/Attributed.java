package io.activitytrail.flink.attribution;

import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.schemas.context.ActorContext;
import java.io.Serializable;

/**
 * A row change or app event ready to classify, with its transaction's actor context if one arrived
 * in time (null otherwise: the classifier then falls back to the mapped column or unattributed).
 */
public record Attributed(Decoded event, ActorContext context) implements Serializable {}
