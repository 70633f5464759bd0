package io.activitytrail.notifications;

/** One recipient of one activity: why, and on which channels. */
public record Decision(Member recipient, Reason reason, Channels channels) {}
